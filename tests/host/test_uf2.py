"""The .uf2 check (scripts/uf2.py) and make deploy for the Picos: a .uf2 as upstream's own
tools/uf2conv.py makes it passes; a corrupt, truncated, foreign-family or misplaced one is
refused with one line and a non-zero exit, before anything is copied to the Pico's drive."""

import os
import struct
import subprocess
import sys

import pytest
from hosttools import ROOT, assert_one_line_error, mpy_dir, script

FAMILY = {"RPI_PICO": 0xE48BFF56, "RPI_PICO2": 0xE48BFF59}
DRIVE_ID = {"RPI_PICO": "RPI-RP2", "RPI_PICO2": "RP2350"}


def make_uf2(tmp_path, board, size=3000, base=0x10000000):
    """A .uf2 of size bytes at base, written by the pinned tree's tools/uf2conv.py."""
    image = tmp_path / "firmware.bin"
    image.write_bytes(bytes(i % 251 for i in range(size)))
    out = tmp_path / "firmware.uf2"
    subprocess.run([sys.executable, os.path.join(mpy_dir(), "tools", "uf2conv.py"), "-c",
                    "-b", hex(base), "-f", hex(FAMILY[board]), "-o", str(out), str(image)],
                   check=True, capture_output=True)
    return out


def patched(path, block, offset, fmt, value):
    raw = bytearray(path.read_bytes())
    struct.pack_into(fmt, raw, block * 512 + offset, value)
    path.write_bytes(bytes(raw))
    return path


@pytest.mark.parametrize("board", sorted(FAMILY))
def test_uf2conv_output_verifies(board, tmp_path):
    proc = script("uf2", "verify", "--board", board, str(make_uf2(tmp_path, board)))
    assert proc.returncode == 0, proc.stderr
    assert "12 UF2 blocks, family 0x{:08x}, flash 0x10000000-0x10000c00".format(
        FAMILY[board]) in proc.stdout


# (what is wrong, how to make it from a good file, words of the error)
CORRUPT = [
    ("truncated", lambda p: p.write_bytes(p.read_bytes()[:-100]), ["not a UF2 file"]),
    ("torn block", lambda p: patched(p, 3, 0, "<I", 0x12345678), ["block 3", "magic"]),
    ("end magic", lambda p: patched(p, 11, 508, "<I", 0), ["block 11", "magic"]),
    ("wrong family", lambda p: patched(p, 0, 28, "<I", 0xE48BFF57), ["block 0", "family"]),
    ("missing block", lambda p: p.write_bytes(p.read_bytes()[512:]), ["block 0", "numbered 1"]),
    ("in the filesystem", lambda p: patched(p, 5, 12, "<I", 0x100A0000),
     ["block 5", "0x100a0000", "outside"]),
    ("twice", lambda p: patched(p, 2, 12, "<I", 0x10000100), ["block 2", "written twice"]),
    ("short payload", lambda p: patched(p, 4, 16, "<I", 100), ["block 4", "100 bytes"]),
]


@pytest.mark.parametrize("what, corrupt, words", CORRUPT, ids=[c[0] for c in CORRUPT])
def test_corrupt_uf2_is_refused(what, corrupt, words, tmp_path):
    uf2 = make_uf2(tmp_path, "RPI_PICO")
    corrupt(uf2)
    assert_one_line_error(script("uf2", "verify", "--board", "RPI_PICO", str(uf2)), *words)


def test_a_pico2_file_is_refused_for_a_pico(tmp_path):
    uf2 = make_uf2(tmp_path, "RPI_PICO2")
    assert_one_line_error(script("uf2", "verify", "--board", "RPI_PICO", str(uf2)),
                          "family 0xe48bff59", "RPI_PICO (RP2040) needs 0xe48bff56")


def deploy(board, *args):
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "deploy.py"),
                           "--board", board] + list(args), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def boot_drive(tmp_path, board_id):
    drive = tmp_path / "drive"
    drive.mkdir()
    (drive / "INFO_UF2.TXT").write_text("UF2 Bootloader v3.0\nModel: Raspberry Pi\n"
                                        "Board-ID: {}\n".format(board_id))
    return drive


@pytest.mark.parametrize("board", sorted(FAMILY))
def test_deploy_copies_a_good_uf2_to_the_drive(board, tmp_path):
    uf2 = make_uf2(tmp_path, board)
    drive = boot_drive(tmp_path, DRIVE_ID[board])
    proc = deploy(board, "--drive", str(drive), str(uf2))
    assert proc.returncode == 0, proc.stderr
    assert (drive / "firmware.uf2").read_bytes() == uf2.read_bytes()


@pytest.mark.parametrize("what, corrupt, words", CORRUPT[:3], ids=[c[0] for c in CORRUPT[:3]])
def test_deploy_refuses_a_corrupt_uf2_and_copies_nothing(what, corrupt, words, tmp_path):
    uf2 = make_uf2(tmp_path, "RPI_PICO")
    corrupt(uf2)
    drive = boot_drive(tmp_path, "RPI-RP2")
    assert_one_line_error(deploy("RPI_PICO", "--drive", str(drive), str(uf2)), *words)
    assert sorted(os.listdir(str(drive))) == ["INFO_UF2.TXT"]


def test_deploy_refuses_the_other_chips_drive(tmp_path):
    uf2 = make_uf2(tmp_path, "RPI_PICO")
    drive = boot_drive(tmp_path, "RP2350")
    assert_one_line_error(deploy("RPI_PICO", "--drive", str(drive), str(uf2)),
                          "not a RPI-RP2 boot drive", "Board-ID: RP2350")
    assert sorted(os.listdir(str(drive))) == ["INFO_UF2.TXT"]


def test_deploy_without_a_drive_says_how_in_one_line(tmp_path):
    """No Pico in BOOTSEL mode on this machine: the file is checked, then one line says how."""
    proc = deploy("RPI_PICO2", str(make_uf2(tmp_path, "RPI_PICO2")))
    assert "family 0xe48bff59" in proc.stdout
    assert_one_line_error(proc, "no RP2350 drive mounted", "hold BOOTSEL")
