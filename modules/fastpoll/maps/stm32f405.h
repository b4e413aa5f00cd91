// STM32F405: fastpoll.Bits' memory map, the [start, end) regions that read without a bus fault, in
// address order. The one source of it: modfastpoll.c includes this file, scripts/genmaps.py makes
// the Python fallback's table (fastpoll/_maps.py) from it.
// The Pyboard v1.0/v1.1's chip (RM0090). APB bridges read a reserved slot as 0, so an APB bus is
// one region; on AHB only the blocks present are listed.
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("STM32F405")
FASTPOLL_REGION(0x00000000, 0x00100000) // flash, aliased at 0 (1 MiB)
FASTPOLL_REGION(0x08000000, 0x08100000) // flash
FASTPOLL_REGION(0x10000000, 0x10010000) // CCM data RAM (64 KiB)
FASTPOLL_REGION(0x1fff0000, 0x1fff7a10) // system memory and OTP
FASTPOLL_REGION(0x1fffc000, 0x1fffc010) // option bytes
FASTPOLL_REGION(0x20000000, 0x20020000) // SRAM (128 KiB)
FASTPOLL_REGION(0x40000000, 0x40007800) // APB1: TIM2 .. DAC
FASTPOLL_REGION(0x40010000, 0x40014c00) // APB2: TIM1 .. TIM11
FASTPOLL_REGION(0x40020000, 0x40022400) // AHB1: GPIOA .. GPIOI
FASTPOLL_REGION(0x40023000, 0x40023400) // CRC
FASTPOLL_REGION(0x40023800, 0x40025000) // RCC, flash interface, backup SRAM
FASTPOLL_REGION(0x40026000, 0x40026800) // DMA1, DMA2
FASTPOLL_REGION(0x40040000, 0x40080000) // USB OTG HS
FASTPOLL_REGION(0x50000000, 0x50040000) // AHB2: USB OTG FS
FASTPOLL_REGION(0x50060800, 0x50060c00) // RNG
FASTPOLL_REGION(0xa0000000, 0xa0001000) // FSMC control registers
FASTPOLL_REGION(0xe0000000, 0xe0003000) // Cortex-M4 ITM, DWT, FPB
FASTPOLL_REGION(0xe000e000, 0xe000f000) // System control space: SysTick, NVIC, SCB, MPU, FPU
FASTPOLL_REGION(0xe0042000, 0xe0042400) // DBGMCU
