"""Parse and verify a DfuSe (.dfu) file, as ST's format (UM0391) and the stm32 port's
tools/dfu.py define it:

    prefix  'DfuSe', version 1, image size (file minus the suffix), number of targets
    target  'Target', alternate setting, named flag, 255-byte name, size, number of elements
    element address, size, data
    suffix  bcdDevice, idProduct, idVendor, bcdDFU 0x011A, 'UFD', length 16, CRC32

The CRC is the bitwise complement of zlib's CRC32 of everything before it.

    dfuse.py [--board PYBV11] FILE    verify FILE (for that board's flash) and summarise it
"""

import argparse
import struct
import zlib
from collections import namedtuple

from . import flashmap
from .errors import UserError, run_main

PREFIX = struct.Struct("<5sBIB")
TARGET = struct.Struct("<6sBI255sII")
ELEMENT = struct.Struct("<II")
SUFFIX = struct.Struct("<HHHH3sBI")
BCD_DFU = 0x011A

Element = namedtuple("Element", "address data")
Target = namedtuple("Target", "alt name elements")
DfuFile = namedtuple("DfuFile", "targets vendor product device crc")


class DfuError(UserError):
    """The file is not a well-formed DfuSe file."""


def crc(data):
    return ~zlib.crc32(data) & 0xFFFFFFFF


def _unpack(fmt, data, offset, limit, what):
    """fmt at data[offset:], which must end by limit (the end of the enclosing block)."""
    if offset + fmt.size > limit:
        raise DfuError("truncated: the {} at byte {} needs {} bytes, only {} left".format(
            what, offset, fmt.size, limit - offset))
    return fmt.unpack_from(data, offset)


def parse(data):
    """A DfuFile from the bytes of a .dfu file; DfuError says what is wrong, in one line."""
    if len(data) < PREFIX.size + SUFFIX.size:
        raise DfuError("truncated: {} bytes is shorter than a DfuSe prefix and suffix".format(
            len(data)))
    signature, version, image_size, n_targets = PREFIX.unpack_from(data)
    if signature != b"DfuSe":
        raise DfuError("not a DfuSe file: it starts with {!r}, not b'DfuSe'".format(signature))
    if version != 1:
        raise DfuError("DfuSe version {}, only version 1 is known".format(version))
    if image_size + SUFFIX.size != len(data):
        raise DfuError("{}: the prefix says {} bytes of image plus a {}-byte suffix, the file "
                       "has {} bytes".format("truncated" if image_size + SUFFIX.size > len(data)
                                             else "corrupt", image_size, SUFFIX.size, len(data)))
    device, product, vendor, bcd, ufd, length, stored_crc = SUFFIX.unpack_from(data, image_size)
    if ufd != b"UFD" or length != SUFFIX.size:
        raise DfuError("corrupt suffix: signature {!r}, length {} (want b'UFD', {})".format(
            ufd, length, SUFFIX.size))
    if bcd != BCD_DFU:
        raise DfuError("suffix bcdDFU is 0x{:04x}, DfuSe needs 0x{:04x}".format(bcd, BCD_DFU))
    computed = crc(data[:-4])
    if computed != stored_crc:
        raise DfuError("CRC mismatch: the suffix says 0x{:08x}, the contents give 0x{:08x}; "
                       "the file is corrupt".format(stored_crc, computed))
    offset = PREFIX.size
    targets = []
    for t in range(n_targets):
        signature, alt, named, name, size, n_elements = _unpack(
            TARGET, data, offset, image_size, "target {} prefix".format(t))
        if signature != b"Target":
            raise DfuError("target {} at byte {}: signature {!r}, not b'Target'".format(
                t, offset, signature))
        offset += TARGET.size
        end = offset + size
        if end > image_size:
            raise DfuError("target {} says {} bytes, only {} left in the image".format(
                t, size, image_size - offset))
        elements = []
        for e in range(n_elements):
            address, esize = _unpack(ELEMENT, data, offset, end,
                                     "target {} element {} header".format(t, e))
            offset += ELEMENT.size
            if offset + esize > end:
                raise DfuError("target {} element {} says {} bytes, only {} left in the "
                               "target".format(t, e, esize, end - offset))
            elements.append(Element(address, data[offset:offset + esize]))
            offset += esize
        if offset != end:
            raise DfuError("target {}: {} bytes after its {} elements".format(
                t, end - offset, n_elements))
        name = name.split(b"\0", 1)[0].decode(errors="replace") if named else ""
        targets.append(Target(alt, name, elements))
    if offset != image_size:
        raise DfuError("{} bytes after the {} targets".format(image_size - offset, n_targets))
    return DfuFile(targets, vendor, product, device, stored_crc)


def read(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise UserError("cannot read {}: {}".format(path, e.strerror)) from None
    try:
        return parse(data)
    except DfuError as e:
        raise DfuError("{}: {}".format(path, e)) from None


def verify(dfu, board):
    """Check a parsed file is firmware for board: what `dfu-util -a 0 -d 0483:df11` writes
    lands in the board's firmware regions, never on its filesystem, mboot or outside its flash,
    and a split firmware (the D-series' internal flash and QSPI) is written whole."""
    if (dfu.vendor, dfu.product) != (flashmap.DFU_VID, flashmap.DFU_PID):
        raise DfuError("the suffix is for USB device {:04x}:{:04x}, not the STM32 bootloader "
                       "{:04x}:{:04x}".format(dfu.vendor, dfu.product, flashmap.DFU_VID,
                                              flashmap.DFU_PID))
    if not any(t.elements for t in dfu.targets):
        raise DfuError("the file holds no firmware (no elements)")
    spans = []
    for t, target in enumerate(dfu.targets):
        # dfu-util only writes the targets of the alternate setting it is given (-a 0).
        if target.alt != 0:
            raise DfuError("target {} is for alternate setting {}, the flash is 0".format(
                t, target.alt))
        for e, element in enumerate(target.elements):
            size = len(element.data)
            if flashmap.region_at(board, element.address, size) is None:
                raise DfuError("target {} element {} (0x{:08x}, {} bytes) is not inside the "
                               "firmware flash of {} ({})".format(
                                   t, e, element.address, size, board.name,
                                   flashmap.describe_regions(board)))
            spans.append((element.address, element.address + size))
    spans.sort()
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if start < end:
            raise DfuError("elements overlap at 0x{:08x}".format(start))
    starts = {start for start, _ in spans}
    for region in (r for r in board.regions if r.name in board.together):
        if region.origin not in starts:
            raise DfuError("nothing is written at the start of {} (0x{:08x}): a {} firmware "
                           "is written to {} together".format(
                               region.name, region.origin, board.name,
                               " and ".join(board.together)))
    return dfu


def summary(dfu):
    elements = ", ".join("0x{:08x}+{}".format(e.address, len(e.data))
                         for t in dfu.targets for e in t.elements)
    return "DfuSe v1, {} target(s), elements {}, USB {:04x}:{:04x}, CRC 0x{:08x} ok".format(
        len(dfu.targets), elements, dfu.vendor, dfu.product, dfu.crc)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--board", help="also check the elements fit this board's flash")
    parser.add_argument("file")
    args = parser.parse_args()
    dfu = read(args.file)
    if args.board:
        verify(dfu, flashmap.board(args.board))
    print("{}: {}".format(args.file, summary(dfu)))
    return 0


if __name__ == "__main__":
    run_main(main)
