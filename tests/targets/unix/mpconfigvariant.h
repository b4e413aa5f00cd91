// Unix test build: upstream's standard variant; our modules come from the manifest and USER_C_MODULES.
#include "variants/standard/mpconfigvariant.h"

// Bits re-polled within a bounded time, as on rp2 (boards/RPI_PICO*), so the unix tests cover it
// (tests/mpy/fastpoll_bits_bounded.py); the qemu builds keep the tickful ports' 0.
#define MICROPY_FASTPOLL_BITS_POLL_MS (5)
