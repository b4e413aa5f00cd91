"""The flash layout of every board we build: the one table the size check, `make info` and the
DfuSe verifier share.

The numbers are the MEMORY regions of upstream's linker scripts for the pinned tag
($MPY_DIR/ports/stm32/boards/<ld>; tests/host/test_flashmap.py checks them against those files).
The firmware is linked into FLASH_START (the vector table, sector 0) and FLASH_TEXT (everything
else); FLASH_FS between them holds the board's internal filesystem, which a flash must not
touch.
"""

from collections import namedtuple

from errors import UserError

KIB = 1024

# What the STM32 ROM bootloader answers to in DFU mode, and what the stm32 port writes into the
# .dfu suffix (BOOTLOADER_DFU_USB_VID/PID in ports/stm32/Makefile).
DFU_VID = 0x0483
DFU_PID = 0xDF11

Region = namedtuple("Region", "name origin length")
Board = namedtuple("Board", "name mcu ld flash regions")

STM32F405 = (
    Region("FLASH_START", 0x08000000, 16 * KIB),
    Region("FLASH_FS", 0x08004000, 112 * KIB),
    Region("FLASH_TEXT", 0x08020000, 896 * KIB),
)
STM32F411 = (
    Region("FLASH_START", 0x08000000, 16 * KIB),
    Region("FLASH_FS", 0x08004000, 64 * KIB),
    Region("FLASH_TEXT", 0x08020000, 384 * KIB),
)

# Regions the firmware is linked into (common_ifs.ld: FLASH_ISR is FLASH_START).
FIRMWARE_REGIONS = ("FLASH_START", "FLASH_TEXT")

BOARDS = {
    b.name: b
    for b in (
        Board("PYBV11", "STM32F405", "stm32f405.ld", Region("FLASH", 0x08000000, 1024 * KIB),
              STM32F405),
        Board("PYBV10", "STM32F405", "stm32f405.ld", Region("FLASH", 0x08000000, 1024 * KIB),
              STM32F405),
        Board("PYBLITEV10", "STM32F411", "stm32f411.ld", Region("FLASH", 0x08000000, 512 * KIB),
              STM32F411),
    )
}


def board(name):
    """The table entry for a board; an unknown one is a one-line error."""
    try:
        return BOARDS[name]
    except KeyError:
        raise UserError("no flash layout for board '{}' in scripts/flashmap.py; known: {}".format(
            name, " ".join(sorted(BOARDS)))) from None


def firmware_regions(b):
    return [r for r in b.regions if r.name in FIRMWARE_REGIONS]


def region_at(b, address, size):
    """The firmware region holding [address, address + size), or None."""
    for r in firmware_regions(b):
        if r.origin <= address and address + size <= r.origin + r.length:
            return r
    return None


def describe_regions(b):
    return ", ".join("{} 0x{:08x}+{}K".format(r.name, r.origin, r.length // KIB)
                     for r in firmware_regions(b))
