// STM32F411: fastpoll.Bits' memory map, the [start, end) regions that read without a bus fault, in
// address order. The one source of it: modfastpoll.c includes this file, scripts/genmaps.py makes
// the Python fallback's table (fastpoll/_maps.py) from it.
// The Pyboard Lite's chip (RM0383). APB bridges read a reserved slot as 0, so an APB bus is one
// region; on AHB only the blocks present are listed.
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("STM32F411")
FASTPOLL_REGION(0x00000000, 0x00080000) // flash, aliased at 0 (512 KiB)
FASTPOLL_REGION(0x08000000, 0x08080000) // flash
FASTPOLL_REGION(0x1fff0000, 0x1fff7a10) // system memory and OTP
FASTPOLL_REGION(0x1fffc000, 0x1fffc010) // option bytes
FASTPOLL_REGION(0x20000000, 0x20020000) // SRAM (128 KiB)
FASTPOLL_REGION(0x40000000, 0x40007400) // APB1: TIM2 .. PWR
FASTPOLL_REGION(0x40010000, 0x40015400) // APB2: TIM1 .. SPI5
FASTPOLL_REGION(0x40020000, 0x40021400) // AHB1: GPIOA .. GPIOE
FASTPOLL_REGION(0x40021c00, 0x40022000) // GPIOH
FASTPOLL_REGION(0x40023000, 0x40023400) // CRC
FASTPOLL_REGION(0x40023800, 0x40024000) // RCC, flash interface
FASTPOLL_REGION(0x40026000, 0x40026800) // DMA1, DMA2
FASTPOLL_REGION(0x50000000, 0x50040000) // AHB2: USB OTG FS
FASTPOLL_REGION(0xe0000000, 0xe0003000) // Cortex-M4 ITM, DWT, FPB
FASTPOLL_REGION(0xe000e000, 0xe000f000) // System control space: SysTick, NVIC, SCB, MPU, FPU
FASTPOLL_REGION(0xe0042000, 0xe0042400) // DBGMCU
