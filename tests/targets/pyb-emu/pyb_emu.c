// The clock setup of the emulated PYBV11.
#include "py/mphal.h"

// Replaces the port's weak SystemClock_Config, which waits on the HSE and PLL ready bits of
// RCC: QEMU leaves RCC unimplemented (reads 0), so those waits never end. The machine runs the
// CPU at whatever rate it likes; the port computes SysTick, UART baud and delays from
// SystemCoreClock, so it is set to the real board's 168 MHz and SysTick restarted at 1 kHz.
void SystemClock_Config(void) {
    SystemCoreClock = 168000000;
    HAL_InitTick(TICK_INT_PRIORITY);
}
