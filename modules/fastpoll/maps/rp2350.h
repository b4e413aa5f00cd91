// RP2350: fastpoll.Bits' memory map, the [start, end) regions that read without a bus fault, in
// address order. The one source of it: modfastpoll.c includes this file, scripts/genmaps.py makes
// the Python fallback's table (fastpoll/_maps.py) from it.
// The Raspberry Pi Pico 2's chip (datasheet section 2.2; pico-sdk's addressmap.h), as the Arm
// cores in Secure mode see it. APB blocks are 32 KiB apart, contiguous from SYSINFO to TICKS.
// Left out: the OTP (its data reads fault where locked), CoreSight and DFT (debug and test), the
// XIP cache's other windows, XIP_AUX and HSTX_FIFO (FIFOs), the non-secure aliases.
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("RP2350")
// and, without the FASTPOLL_ARM_REGION lines (the Cortex-M33's private peripheral bus, which
// its Hazard3 RISC-V cores do not have), where it contains (a build for those cores):
FASTPOLL_MACHINE_RISCV("RP2350-RISCV")
FASTPOLL_REGION(0x00000000, 0x00008000) // boot ROM (32 KiB)
FASTPOLL_REGION(0x10000000, 0x11000000) // XIP flash on QSPI chip select 0, cached (16 MiB window)
FASTPOLL_REGION(0x20000000, 0x20082000) // SRAM0-7 striped (512 KiB), SRAM8, SRAM9 (4 KiB each)
FASTPOLL_REGION(0x40000000, 0x40110000) // APB: SYSINFO .. TICKS
FASTPOLL_REGION(0x40158000, 0x40168000) // GLITCH_DETECTOR, TBMAN
FASTPOLL_REGION(0x50000000, 0x50004000) // DMA
FASTPOLL_REGION(0x50100000, 0x50101000) // USB DPRAM
FASTPOLL_REGION(0x50110000, 0x50114000) // USB controller registers
FASTPOLL_REGION(0x50200000, 0x50204000) // PIO0
FASTPOLL_REGION(0x50300000, 0x50304000) // PIO1
FASTPOLL_REGION(0x50400000, 0x50404000) // PIO2
FASTPOLL_REGION(0xd0000000, 0xd0000200) // SIO: GPIO, FIFOs, interpolators, spinlocks, doorbells
FASTPOLL_ARM_REGION(0xe0000000, 0xe0003000) // Cortex-M33 ITM, DWT, FPB
FASTPOLL_ARM_REGION(0xe000e000, 0xe000f000) // System control space: SysTick, NVIC, SCB, MPU, SAU, FPU
