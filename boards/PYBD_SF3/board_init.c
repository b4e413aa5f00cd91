#include "boards/PYBD_SF3/board_init.c"
