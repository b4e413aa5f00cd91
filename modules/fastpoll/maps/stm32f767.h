// STM32F767: fastpoll.Bits' memory map, the [start, end) regions that read without a bus fault, in
// address order. The one source of it: modfastpoll.c includes this file, scripts/genmaps.py makes
// the Python fallback's table (fastpoll/_maps.py) from it.
// The Pyboard D SF6's chip (RM0410), Cortex-M7. Only blocks present are listed, APB buses whole
// (a reserved slot reads as 0). The QSPI window is the board's 2 MiB flash, memory-mapped
// (upstream's MPU setup makes the rest of the 256 MiB window fault).
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("STM32F767")
FASTPOLL_REGION(0x00000000, 0x00004000) // ITCM RAM (16 KiB)
FASTPOLL_REGION(0x00100000, 0x0010edc0) // system memory on ITCM
FASTPOLL_REGION(0x00200000, 0x00400000) // flash on ITCM (2 MiB)
FASTPOLL_REGION(0x08000000, 0x08200000) // flash on AXIM
FASTPOLL_REGION(0x1ff00000, 0x1ff0edc0) // system memory
FASTPOLL_REGION(0x1ff0f000, 0x1ff0f42c) // OTP, unique device ID
FASTPOLL_REGION(0x1fff0000, 0x1fff0020) // option bytes
FASTPOLL_REGION(0x20000000, 0x20080000) // DTCM (128 KiB), SRAM1 (368 KiB), SRAM2 (16 KiB)
FASTPOLL_REGION(0x40000000, 0x40008000) // APB1: TIM2 .. UART8
FASTPOLL_REGION(0x40010000, 0x40018000) // APB2: TIM1 .. MDIOS
FASTPOLL_REGION(0x40020000, 0x40022c00) // AHB1: GPIOA .. GPIOK
FASTPOLL_REGION(0x40023000, 0x40023400) // CRC
FASTPOLL_REGION(0x40023800, 0x40025000) // RCC, flash interface, backup SRAM
FASTPOLL_REGION(0x40026000, 0x40026800) // DMA1, DMA2
FASTPOLL_REGION(0x40028000, 0x40029400) // Ethernet MAC
FASTPOLL_REGION(0x4002b000, 0x4002bc00) // DMA2D
FASTPOLL_REGION(0x40040000, 0x40080000) // USB OTG HS
FASTPOLL_REGION(0x50000000, 0x50040000) // AHB2: USB OTG FS
FASTPOLL_REGION(0x50050000, 0x50050400) // DCMI
FASTPOLL_REGION(0x50051000, 0x50051400) // JPEG codec
FASTPOLL_REGION(0x50060800, 0x50060c00) // RNG
FASTPOLL_REGION(0x90000000, 0x90200000) // QSPI flash, memory-mapped (2 MiB on the Pyboard D)
FASTPOLL_REGION(0xa0000000, 0xa0002000) // FMC and QUADSPI control registers
FASTPOLL_REGION(0xe0000000, 0xe0003000) // Cortex-M7 ITM, DWT, FPB
FASTPOLL_REGION(0xe000e000, 0xe000f000) // SCS: SysTick, NVIC, SCB, MPU, FPU, caches
FASTPOLL_REGION(0xe0042000, 0xe0042400) // DBGMCU
