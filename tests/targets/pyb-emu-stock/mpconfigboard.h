// Stock PYBV11 (upstream's board config) with only the emulator delta.
#include "boards/PYBV11/mpconfigboard.h"
#include "../pyb-emu/emu_delta.h"
