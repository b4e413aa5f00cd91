// MPS2 AN385/AN386 machine: fastpoll.Bits' memory map, the [start, end) regions that read without
// a bus fault, in address order. The one source of it: modfastpoll.c includes this file,
// scripts/genmaps.py makes the Python fallback's table (fastpoll/_maps.py) from it.
// The qemu test build's machine (mps2-an386; AN385 is the same map): Arm's AN385/AN386
// application notes, QEMU's hw/arm/mps2.c.
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("mps2-an38")
FASTPOLL_REGION(0x00000000, 0x00400000) // ZBT SSRAM1 (4 MiB, code)
FASTPOLL_REGION(0x20000000, 0x20400000) // ZBT SSRAM2 and 3 (4 MiB, data)
FASTPOLL_REGION(0x21000000, 0x22000000) // PSRAM (16 MiB)
FASTPOLL_REGION(0x40000000, 0x40030000) // APB peripherals, AHB GPIO, FPGA system registers
FASTPOLL_REGION(0xe0000000, 0xe0003000) // Cortex-M ITM, DWT, FPB
FASTPOLL_REGION(0xe000e000, 0xe000f000) // System control space
