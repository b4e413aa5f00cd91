// RP2040: fastpoll.Bits' memory map, the [start, end) regions that read without a bus fault, in
// address order. The one source of it: modfastpoll.c includes this file, scripts/genmaps.py makes
// the Python fallback's table (fastpoll/_maps.py) from it.
// The Raspberry Pi Pico's chip (datasheet section 2.2; pico-sdk's hardware/regs/addressmap.h).
// Each APB and AHB block's 4 KiB of registers is followed by its atomic XOR, set and clear
// aliases, so a block is 16 KiB; the APB blocks are contiguous but for one absent slot. Left out:
// the XIP cache's other aliases (the same flash), its SRAM (only while the cache is off) and
// XIP_AUX (a FIFO).
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("RP2040")
FASTPOLL_REGION(0x00000000, 0x00004000) // boot ROM (16 KiB)
FASTPOLL_REGION(0x10000000, 0x11000000) // XIP flash, cached (16 MiB window, the flash repeats)
FASTPOLL_REGION(0x14000000, 0x14000020) // XIP_CTRL
FASTPOLL_REGION(0x18000000, 0x18000100) // XIP_SSI
FASTPOLL_REGION(0x20000000, 0x20042000) // SRAM0-3 striped (256 KiB), SRAM4, SRAM5 (4 KiB each)
FASTPOLL_REGION(0x21000000, 0x21040000) // SRAM0-3 not striped
FASTPOLL_REGION(0x40000000, 0x40068000) // APB: SYSINFO .. VREG_AND_CHIP_RESET
FASTPOLL_REGION(0x4006c000, 0x40070000) // TBMAN
FASTPOLL_REGION(0x50000000, 0x50004000) // DMA
FASTPOLL_REGION(0x50100000, 0x50101000) // USB DPRAM
FASTPOLL_REGION(0x50110000, 0x50114000) // USB controller registers
FASTPOLL_REGION(0x50200000, 0x50204000) // PIO0
FASTPOLL_REGION(0x50300000, 0x50304000) // PIO1
FASTPOLL_REGION(0xd0000000, 0xd0000180) // SIO: GPIO, FIFOs, dividers, interpolators, spinlocks
FASTPOLL_REGION(0xe000e000, 0xe000f000) // System control space: SysTick, NVIC, SCB, MPU
