#include "boards/PYBD_SF3/bdev.c"
