// Pyboard v1.1 running the asyncio-for-hardware firmware: upstream's board plus these deltas.
#include "boards/PYBV11/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "PYBv1.1 with pyb-asyncio"
