// Pyboard D-series SF2 (STM32F722) running the asyncio-for-hardware firmware: upstream's board plus these deltas.
#include "boards/PYBD_SF2/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "PYBD-SF2W with pyb-asyncio"
