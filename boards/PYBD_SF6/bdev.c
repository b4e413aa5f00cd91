#include "boards/PYBD_SF6/bdev.c"
