// Emulated PYBV11: our board (boards/PYBV11) plus what QEMU's netduinoplus2 machine needs.
#include "../../../boards/PYBV11/mpconfigboard.h"
#include "emu_delta.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME       "PYBv1.1 with pyb-asyncio (QEMU netduinoplus2)"
