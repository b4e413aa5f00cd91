// Raspberry Pi Pico running the asyncio-for-hardware firmware: upstream's board plus these deltas.
#include "boards/RPI_PICO/mpconfigboard.h"

#undef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME "Raspberry Pi Pico with pyb-asyncio"

// rp2 idles tickless (WFE): a waited fastpoll.Bits is re-polled at least this often (ms). Each
// re-poll is a task switch: measured on qemu (125 M instructions/s), the pacing task takes 9.2%
// of the CPU at 1 ms, 4.8% at 2, 2.2% at 5, 1.3% at 10, and only while a Bits is waited.
#define MICROPY_FASTPOLL_BITS_POLL_MS (5)
