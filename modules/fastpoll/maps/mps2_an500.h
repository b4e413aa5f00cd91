// MPS2 AN500 machine: fastpoll.Bits' memory map, the [start, end) regions that read without a bus
// fault, in address order. The one source of it: modfastpoll.c includes this file,
// scripts/genmaps.py makes the Python fallback's table (fastpoll/_maps.py) from it.
// The Cortex-M7 qemu test build's machine (mps2-an500): Arm's AN500 application note, QEMU's
// hw/arm/mps2.c. As AN385's but for where the PSRAM is.
// The Python fallback uses this map where sys.implementation._machine contains:
FASTPOLL_MACHINE("mps2-an500")
FASTPOLL_REGION(0x00000000, 0x00400000) // ZBT SSRAM1 (4 MiB, code)
FASTPOLL_REGION(0x20000000, 0x20400000) // ZBT SSRAM2 and 3 (4 MiB, data)
FASTPOLL_REGION(0x40000000, 0x40030000) // APB peripherals, AHB GPIO, FPGA system registers
FASTPOLL_REGION(0x60000000, 0x61000000) // PSRAM (16 MiB)
FASTPOLL_REGION(0xe0000000, 0xe0003000) // Cortex-M ITM, DWT, FPB
FASTPOLL_REGION(0xe000e000, 0xe000f000) // System control space
