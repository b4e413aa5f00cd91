// Raspberry Pi Pico 2 running the asyncio-for-hardware firmware: upstream's board plus these
// deltas.
#include "boards/RPI_PICO2/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "Raspberry Pi Pico2 with pyb-asyncio"

// rp2 idles tickless (WFE): a waited fastpoll.Bits is re-polled at least this often (ms).
#define MICROPY_FASTPOLL_BITS_POLL_MS (1)
