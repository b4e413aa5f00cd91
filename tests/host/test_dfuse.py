"""The DfuSe parser and verifier, on the real firmware, on upstream's tools/dfu.py output and on
files built here, whole and damaged."""

import os
import struct
import subprocess
import sys
import zlib

import pytest
from hostlib import dfuse, flashmap
from hosttools import assert_one_line_error, mpy_dir, script

PYBV11 = flashmap.board("PYBV11")


def pack(targets, vid=0x0483, pid=0xDF11, bcd=0x011A, ufd=b"UFD", alt=0):
    """A DfuSe file written from the format description (UM0391), independently of dfuse.py:
    targets is a list of [(address, data), ...]."""
    body = b""
    for elements in targets:
        tdata = b"".join(struct.pack("<II", a, len(d)) + d for a, d in elements)
        body += struct.pack("<6sBI255sII", b"Target", alt, 1, b"ST...", len(tdata),
                            len(elements)) + tdata
    data = struct.pack("<5sBIB", b"DfuSe", 1, 11 + len(body), len(targets)) + body
    data += struct.pack("<HHHH3sB", 0, pid, vid, bcd, ufd, 16)
    return data + struct.pack("<I", ~zlib.crc32(data) & 0xFFFFFFFF)


def recrc(data):
    """data with its CRC recomputed, so a test reaches the checks behind the CRC."""
    return data[:-4] + struct.pack("<I", ~zlib.crc32(data[:-4]) & 0xFFFFFFFF)


GOOD = [[(0x08000000, bytes(range(256)) * 4), (0x08020000, b"\xa5" * 3000)]]


def test_real_firmware(pybv11):
    path = os.path.join(pybv11, "firmware.dfu")
    dfu = dfuse.verify(dfuse.read(path), PYBV11)
    assert (dfu.vendor, dfu.product) == (0x0483, 0xDF11)
    elements = [e for t in dfu.targets for e in t.elements]
    # The stm32 port splits the image: vector table at the start of flash, the rest at TEXT1.
    assert [e.address for e in elements] == [0x08000000, 0x08020000]
    # ... and each element is the port's firmwareN.bin, padded to 8 bytes.
    for n, element in enumerate(elements):
        with open(os.path.join(pybv11, "firmware{}.bin".format(n)), "rb") as f:
            image = f.read()
        assert element.data == image + bytes(-len(image) % 8)


def test_matches_upstream_dfu_tool(tmp_path):
    """A file made by the port's own tools/dfu.py parses to the elements it was given."""
    parts = {0x08000000: os.urandom(1000), 0x08020000: os.urandom(5003)}
    args = []
    for address, data in parts.items():
        path = tmp_path / "{:x}.bin".format(address)
        path.write_bytes(data)
        args += ["-b", "0x{:x}:{}".format(address, path)]
    out = tmp_path / "up.dfu"
    subprocess.run([sys.executable, os.path.join(mpy_dir(), "tools", "dfu.py")] + args
                   + [str(out)], check=True, capture_output=True)
    dfu = dfuse.verify(dfuse.read(str(out)), PYBV11)
    got = {e.address: e.data for t in dfu.targets for e in t.elements}
    # dfu.py pads each element to 8 bytes.
    assert got == {a: d + bytes(-len(d) % 8) for a, d in parts.items()}


def test_pack_is_what_upstream_reads(tmp_path):
    """The writer these tests use makes files upstream's parser accepts (CRC included)."""
    path = tmp_path / "t.dfu"
    path.write_bytes(pack(GOOD))
    out = subprocess.run([sys.executable, os.path.join(mpy_dir(), "tools", "dfu.py"),
                          str(path)], capture_output=True, text=True, check=True).stdout
    assert "address: 0x08020000, size: 3000" in out
    assert "ERROR" not in out


def test_synthetic_roundtrip():
    dfu = dfuse.verify(dfuse.parse(pack(GOOD)), PYBV11)
    assert [(e.address, e.data) for e in dfu.targets[0].elements] == GOOD[0]
    assert dfu.targets[0].name == "ST..."


@pytest.mark.parametrize("cut", [0, 10, 26, 300, 3000, -17, -1])
def test_truncated(cut):
    data = pack(GOOD)
    with pytest.raises(dfuse.DfuError, match="truncated"):
        dfuse.parse(data[:cut])


def test_every_byte_is_covered_by_the_crc():
    data = pack(GOOD)
    for offset in (0, 5, 11, 20, 300, 1500, len(data) - 10, len(data) - 5):
        bad = bytearray(data)
        bad[offset] ^= 0x40
        with pytest.raises(dfuse.DfuError):
            dfuse.parse(bytes(bad))
    bad = bytearray(data)
    bad[1500] ^= 1  # inside an element: only the CRC can tell
    with pytest.raises(dfuse.DfuError, match="CRC mismatch"):
        dfuse.parse(bytes(bad))


@pytest.mark.parametrize("data, message", [
    (b"NotDfu" + bytes(40), "not a DfuSe file"),
    (pack(GOOD, ufd=b"XYZ"), "corrupt suffix"),
    (pack(GOOD, bcd=0x0100), "bcdDFU"),
    (pack(GOOD) + b"\0", "corrupt"),
    (recrc(pack(GOOD).replace(b"Target", b"Tarjet")), "not b'Target'"),
])
def test_malformed(data, message):
    with pytest.raises(dfuse.DfuError, match=message):
        dfuse.parse(data)


def test_element_size_beyond_its_target():
    data = bytearray(pack(GOOD))
    # The second element's size field: prefix 11 + target 274 + element 8 + 1024 data + address.
    struct.pack_into("<I", data, 11 + 274 + 8 + 1024 + 4, 999999)
    with pytest.raises(dfuse.DfuError, match="only .* left in the target"):
        dfuse.parse(recrc(bytes(data)))


@pytest.mark.parametrize("targets, kwargs, message", [
    ([[(0x08004000, b"x" * 16)]], {}, "not inside the firmware flash"),  # the filesystem
    ([[(0x08020000 + 896 * 1024 - 8, b"x" * 16)]], {}, "not inside the firmware flash"),
    ([[(0x20000000, b"x" * 16)]], {}, "not inside the firmware flash"),
    ([[(0x08020000, b"x" * 16), (0x08020008, b"y" * 8)]], {}, "overlap"),
    (GOOD, {"vid": 0xF055, "pid": 0x9800}, "not the STM32 bootloader"),
    (GOOD, {"alt": 1}, "alternate setting 1"),
    ([[]], {}, "no firmware"),
])
def test_verify_refuses(targets, kwargs, message):
    dfu = dfuse.parse(pack(targets, **kwargs))
    with pytest.raises(dfuse.DfuError, match=message):
        dfuse.verify(dfu, PYBV11)


def test_board_flash_sizes_differ():
    """384 KiB of FLASH_TEXT on the Lite, 896 KiB on the v1.1."""
    big = [[(0x08020000, bytes(400 * 1024))]]
    dfuse.verify(dfuse.parse(pack(big)), PYBV11)
    with pytest.raises(dfuse.DfuError, match="PYBLITEV10"):
        dfuse.verify(dfuse.parse(pack(big)), flashmap.board("PYBLITEV10"))


def test_cli(tmp_path):
    good = tmp_path / "good.dfu"
    good.write_bytes(pack(GOOD))
    proc = script("dfuse", "--board", "PYBV11", str(good))
    assert proc.returncode == 0, proc.stderr
    assert "0x08020000+3000" in proc.stdout
    bad = tmp_path / "bad.dfu"
    bad.write_bytes(pack(GOOD)[:-100])
    assert_one_line_error(script("dfuse", str(bad)), "bad.dfu", "truncated")
    assert_one_line_error(script("dfuse", str(tmp_path / "none.dfu")), "cannot read")


SF2 = flashmap.board("PYBD_SF2")
SF2_GOOD = [[(0x08008000, b"\x11" * 4000), (0x90000000, b"\x22" * 6000)]]


def test_sf2_two_regions():
    """The SF2 under mboot: internal flash from 0x08008000 and QSPI from 0x90000000, both."""
    dfuse.verify(dfuse.parse(pack(SF2_GOOD)), SF2)
    dfuse.verify(dfuse.parse(pack(SF2_GOOD)), flashmap.board("PYBD_SF3"))
    # Upstream's tools/dfu.py writes the two parts as two elements of one target; as two
    # targets of alternate setting 0 they land in the same places.
    dfuse.verify(dfuse.parse(pack([[SF2_GOOD[0][0]], [SF2_GOOD[0][1]]])), SF2)


@pytest.mark.parametrize("board, targets, message", [
    ("PYBD_SF2", [[(0x08008000, b"x" * 16)]], "nothing is written at the start of FLASH_EXT"),
    ("PYBD_SF2", [[(0x90000000, b"x" * 16)]], "nothing is written at the start of FLASH_APP"),
    ("PYBD_SF2", [[(0x08000000, b"x" * 16)] + SF2_GOOD[0]], "not inside"),  # mboot
    ("PYBD_SF2", [SF2_GOOD[0] + [(0x90100000, b"x" * 16)]], "not inside"),  # the ROM filesystem
    ("PYBD_SF2", [[(0x08008000, bytes(481 * 1024)), (0x90000000, b"x")]], "not inside"),
    ("PYBD_SF6", [[(0x08008000, b"x" * 16), (0x90000000, b"x" * 16)]], "not inside"),
    ("PYBD_SF6", [[(0x08000000, b"x" * 16)]], "not inside"),
    ("PYBV11", SF2_GOOD, "not inside"),
])
def test_d_series_refusals(board, targets, message):
    with pytest.raises(dfuse.DfuError, match=message):
        dfuse.verify(dfuse.parse(pack(targets)), flashmap.board(board))


def test_sf6_one_region():
    dfuse.verify(dfuse.parse(pack([[(0x08008000, bytes(1500 * 1024))]])),
                 flashmap.board("PYBD_SF6"))
