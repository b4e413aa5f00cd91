"""Read and verify a UF2 file, the format a Raspberry Pi Pico's boot ROM takes on its USB drive.

    uf2.py verify --board RPI_PICO build/RPI_PICO/firmware.uf2

Each 512-byte block holds up to 476 bytes for one flash address. The boot ROM writes whatever
blocks carry its chip's family ID, so a file with a wrong family, a torn block or an address in
the filesystem's part of the flash would be written (or ignored) silently: it is refused here,
with one line saying which block is wrong.
"""

import argparse
import struct
from collections import namedtuple

from . import flashmap
from .errors import UserError, run_main

BLOCK = 512
MAGIC_START0 = 0x0A324655  # "UF2\n"
MAGIC_START1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_NOT_MAIN_FLASH = 0x00000001
FLAG_FAMILY_ID = 0x00002000
# The RP2040 boot ROM takes only 256-byte payloads at 256-byte aligned addresses (RP2040
# datasheet 2.8.4.2); picotool and uf2conv.py write them so for the RP2350 too.
PAYLOAD = 256
HEADER = struct.Struct("<8I")

Block = namedtuple("Block", "index flags address size number count family data")
Uf2 = namedtuple("Uf2", "blocks family start end")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise UserError("cannot read {}: {}".format(path, e.strerror)) from None


def blocks(raw):
    """The blocks of a UF2 image; a torn or foreign one is a one-line error."""
    if not raw or len(raw) % BLOCK:
        raise UserError("not a UF2 file: {} bytes is not a whole number of {}-byte "
                        "blocks".format(len(raw), BLOCK))
    out = []
    for i in range(len(raw) // BLOCK):
        block = raw[i * BLOCK:(i + 1) * BLOCK]
        m0, m1, flags, address, size, number, count, family = HEADER.unpack_from(block)
        (end,) = struct.unpack_from("<I", block, BLOCK - 4)
        if (m0, m1, end) != (MAGIC_START0, MAGIC_START1, MAGIC_END):
            raise UserError("block {}: bad UF2 magic numbers (a torn or foreign "
                            "file)".format(i))
        if size > BLOCK - 32 - 4:
            raise UserError("block {}: payload of {} bytes does not fit a block".format(i, size))
        out.append(Block(i, flags, address, size, number, count, family,
                         block[32:32 + size]))
    return out


def verify(raw, board):
    """Check a UF2 image for board (a flashmap.Board); return what it writes."""
    if board.uf2_family is None:
        raise UserError("{} does not boot from a UF2 file".format(board.name))
    found = blocks(raw)
    written = set()
    for b in found:
        if b.flags & FLAG_NOT_MAIN_FLASH:
            continue
        if not b.flags & FLAG_FAMILY_ID or b.family != board.uf2_family:
            raise UserError("block {}: UF2 family 0x{:08x}, {} ({}) needs 0x{:08x}".format(
                b.index, b.family if b.flags & FLAG_FAMILY_ID else 0, board.name, board.mcu,
                board.uf2_family))
        if (b.number, b.count) != (b.index, len(found)):
            raise UserError("block {}: numbered {} of {}, the file has {} blocks (truncated or "
                            "spliced)".format(b.index, b.number, b.count, len(found)))
        if b.size != PAYLOAD or b.address % PAYLOAD:
            raise UserError("block {}: {} bytes at 0x{:08x}; the boot ROM takes {} bytes at a "
                            "{}-byte boundary".format(b.index, b.size, b.address, PAYLOAD,
                                                      PAYLOAD))
        if flashmap.region_at(board, b.address, b.size) is None:
            raise UserError("block {}: address 0x{:08x} is outside {}'s firmware flash "
                            "({})".format(b.index, b.address, board.name,
                                          flashmap.describe_regions(board)))
        if b.address in written:
            raise UserError("block {}: address 0x{:08x} written twice".format(b.index,
                                                                             b.address))
        written.add(b.address)
    if not written:
        raise UserError("the UF2 file writes nothing to flash")
    return Uf2(found, board.uf2_family, min(written), max(written) + PAYLOAD)


def summary(uf2):
    return "{} UF2 blocks, family 0x{:08x}, flash 0x{:08x}-0x{:08x} ({} bytes)".format(
        len(uf2.blocks), uf2.family, uf2.start, uf2.end, len(uf2.blocks) * PAYLOAD)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["verify"])
    parser.add_argument("--board", required=True)
    parser.add_argument("file")
    args = parser.parse_args()
    print("{}: {}".format(args.file, summary(verify(read(args.file),
                                                    flashmap.board(args.board)))))
    return 0


if __name__ == "__main__":
    run_main(main)
