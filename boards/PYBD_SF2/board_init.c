#include "boards/PYBD_SF2/board_init.c"
