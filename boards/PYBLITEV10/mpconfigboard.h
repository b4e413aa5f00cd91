// Pyboard Lite v1.0 running the asyncio-for-hardware firmware: upstream's board plus these deltas.
#include "boards/PYBLITEV10/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "PYBLITEv1.0 with pyb-asyncio"
