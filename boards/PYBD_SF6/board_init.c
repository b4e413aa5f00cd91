#include "boards/PYBD_SF6/board_init.c"
