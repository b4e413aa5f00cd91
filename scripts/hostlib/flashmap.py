"""The flash layout of every board we build: the one table the size check, `make info` and the
DfuSe verifier share.

The numbers are the MEMORY regions of upstream's linker scripts for the pinned tag
($MPY_DIR/ports/stm32/boards/<ld>; tests/host/test_flashmap.py checks them against those files).
On the v1.x and Lite the firmware is linked into FLASH_START (the vector table, sector 0) and
FLASH_TEXT (everything else); FLASH_FS between them holds the board's internal filesystem, which
a flash must not touch. On the D-series, mboot holds the first 32 KiB of internal flash and the
firmware starts at FLASH_APP; the SF2/SF3 put the rest (.text_ext) in the external QSPI flash,
FLASH_EXT at 0x90000000, beside the ROM filesystem (FLASH_ROMFS). The two halves of a split
firmware call each other, so a .dfu must write both (Board.together).

The Raspberry Pi Picos (port "rp2") boot from external QSPI flash, mapped at 0x10000000: upstream
links the firmware from there (ports/rp2/memmap_mp_rp2040.ld, memmap_mp_rp2350.ld) and keeps the
filesystem in the last MICROPY_HW_FLASH_STORAGE_BYTES of the board's PICO_FLASH_SIZE_BYTES
(ports/rp2/rp2_flash.c), so the firmware may use what lies before it. Their .uf2 files carry the
chip's UF2 family ID, which the boot ROM checks.
"""

from collections import namedtuple

from .errors import UserError

KIB = 1024

# What the STM32 ROM bootloader answers to in DFU mode, and what the stm32 port writes into the
# .dfu suffix (BOOTLOADER_DFU_USB_VID/PID in ports/stm32/Makefile).
DFU_VID = 0x0483
DFU_PID = 0xDF11

Region = namedtuple("Region", "name origin length")
# together: the regions every .dfu for the board must write, each from its origin (an SF2 with a
# new FLASH_APP and an old FLASH_EXT would jump into stale code).
# port: which MicroPython port builds it; uf2_family: the UF2 family ID its boot ROM accepts.
Board = namedtuple("Board", "name mcu ld flash regions together port uf2_family",
                   defaults=((), "stm32", None))

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

# The D-series under mboot (boards/PYBD_SF2/f722_qspi.ld, PYBD_SF6/f767.ld): mboot in sectors
# 0-1, then the firmware.
PYBD_F722 = (
    Region("FLASH_APP", 0x08008000, 480 * KIB),
    Region("FLASH_EXT", 0x90000000, 1024 * KIB),
    Region("FLASH_ROMFS", 0x90100000, 1024 * KIB),
)
PYBD_F767 = (
    Region("FLASH_APP", 0x08008000, 2016 * KIB),
    Region("FLASH_ROMFS", 0x90000000, 2048 * KIB),
)

# The Picos: 2 MiB of flash with 1408 KiB of filesystem (RPI_PICO), 4 MiB with 3 MiB (RPI_PICO2).
RPI_PICO = (
    Region("FLASH_TEXT", 0x10000000, 640 * KIB),
    Region("FLASH_FS", 0x100A0000, 1408 * KIB),
)
RPI_PICO2 = (
    Region("FLASH_TEXT", 0x10000000, 1024 * KIB),
    Region("FLASH_FS", 0x10100000, 3072 * KIB),
)

# UF2 family IDs (Raspberry Pi's RP2040 and RP2350 datasheets, section "UF2 format details";
# the RP2350's is its Arm-Secure image).
UF2_RP2040 = 0xE48BFF56
UF2_RP2350_ARM_S = 0xE48BFF59

# Regions the firmware is linked into (common_ifs.ld: FLASH_ISR is FLASH_START; common_bl.ld:
# FLASH_APP; .text_ext: FLASH_EXT).
FIRMWARE_REGIONS = ("FLASH_START", "FLASH_TEXT", "FLASH_APP", "FLASH_EXT")

BOARDS = {
    b.name: b
    for b in (
        Board("PYBV11", "STM32F405", "stm32f405.ld", Region("FLASH", 0x08000000, 1024 * KIB),
              STM32F405),
        Board("PYBV10", "STM32F405", "stm32f405.ld", Region("FLASH", 0x08000000, 1024 * KIB),
              STM32F405),
        Board("PYBLITEV10", "STM32F411", "stm32f411.ld", Region("FLASH", 0x08000000, 512 * KIB),
              STM32F411),
        Board("PYBD_SF2", "STM32F722", "PYBD_SF2/f722_qspi.ld",
              Region("FLASH", 0x08000000, 512 * KIB), PYBD_F722, ("FLASH_APP", "FLASH_EXT")),
        Board("PYBD_SF3", "STM32F733", "PYBD_SF2/f722_qspi.ld",
              Region("FLASH", 0x08000000, 512 * KIB), PYBD_F722, ("FLASH_APP", "FLASH_EXT")),
        Board("PYBD_SF6", "STM32F767", "PYBD_SF6/f767.ld",
              Region("FLASH", 0x08000000, 2048 * KIB), PYBD_F767, ("FLASH_APP",)),
        Board("RPI_PICO", "RP2040", "memmap_mp_rp2040.ld", Region("FLASH", 0x10000000,
              2048 * KIB), RPI_PICO, (), "rp2", UF2_RP2040),
        Board("RPI_PICO2", "RP2350", "memmap_mp_rp2350.ld", Region("FLASH", 0x10000000,
              4096 * KIB), RPI_PICO2, (), "rp2", UF2_RP2350_ARM_S),
    )
}


def board(name):
    """The table entry for a board; an unknown one is a one-line error."""
    try:
        return BOARDS[name]
    except KeyError:
        raise UserError("no flash layout for board '{}' in scripts/hostlib/flashmap.py; "
                        "known: {}".format(name, " ".join(sorted(BOARDS)))) from None


def firmware_regions(b):
    return [r for r in b.regions if r.name in FIRMWARE_REGIONS]


def region_at(b, address, size):
    """The firmware region holding [address, address + size), or None."""
    for r in firmware_regions(b):
        if r.origin <= address and address + size <= r.origin + r.length:
            return r
    return None


def is_mboot(b):
    """D-series boards run mboot, which keeps the first 32 KiB of internal flash for itself."""
    return any(r.name == "FLASH_APP" for r in b.regions)


def describe_regions(b):
    return ", ".join("{} 0x{:08x}+{}K".format(r.name, r.origin, r.length // KIB)
                     for r in firmware_regions(b))
