// Pyboard D-series SF6 (STM32F767) running the asyncio-for-hardware firmware: upstream's board plus these deltas.
#include "boards/PYBD_SF6/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "PYBD-SF6W with pyb-asyncio"
