// Pyboard D-series SF3 (STM32F733) running the asyncio-for-hardware firmware: upstream's board plus these deltas.
#include "boards/PYBD_SF3/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "PYBD-SF3W with pyb-asyncio"
