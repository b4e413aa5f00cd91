#include "boards/PYBD_SF2/bdev.c"
