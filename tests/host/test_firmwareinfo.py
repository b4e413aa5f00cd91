"""fwinfo on the real PYBV11 build: what is inside comes from the ELF, and it holds our frozen
package and C module beside upstream's asyncio."""

import json
import os
import re
import shutil
import subprocess

import pytest
from hostlib import firmwareinfo, flashmap
from hostlib.elffile import ElfFile
from hostlib.errors import UserError
from hosttools import ROOT, assert_one_line_error, script


@pytest.fixture(scope="module")
def info(pybv11):
    proc = script("firmwareinfo", "report", "--board", "PYBV11", "--build", pybv11, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_frozen_and_c_modules_are_in_the_firmware(info):
    assert "primitives/__init__.py" in info["frozen"]
    assert "asyncio/__init__.py" in info["frozen"]
    assert "asyncio/core.py" in info["frozen"]
    assert "fastpoll" in info["c_modules"]


def test_version_from_the_build(info, pybv11):
    with open(os.path.join(pybv11, "genhdr", "mpversion.h")) as f:
        text = f.read()
    assert '"{}"'.format(info["micropython"]["tag"]) in text
    assert info["micropython"]["tag"].startswith("v1.28.0")
    assert re.fullmatch(r"[0-9a-f]{7,40}", info["micropython"]["commit"])


def test_sizes_agree_with_binutils(info, pybv11):
    out = subprocess.run(["arm-none-eabi-size", os.path.join(pybv11, "firmware.elf")],
                         capture_output=True, text=True, check=True).stdout
    text, data, bss = map(int, out.splitlines()[1].split()[:3])
    assert (info["text"], info["data"], info["bss"]) == (text, data, bss)


def test_flash_use_adds_up_to_the_dfu(info):
    """What the ELF loads into each region is what the .dfu writes there (padded to 8)."""
    used = {r["region"]: r["used"] for r in info["flash"]}
    elements = {e["address"]: e["size"] for e in info["dfu"]["elements"]}
    assert elements[0x08000000] - 8 < used["FLASH_START"] <= elements[0x08000000]
    assert elements[0x08020000] - 8 < used["FLASH_TEXT"] <= elements[0x08020000]
    for r in info["flash"]:
        assert r["used"] + r["free"] == r["size"] and r["free"] > 0


def test_report_text(pybv11):
    proc = script("firmwareinfo", "report", "--board", "PYBV11", "--build", pybv11)
    assert proc.returncode == 0, proc.stderr
    for word in ("v1.28.0", "PYBV11", "FLASH_TEXT", "free", "primitives/__init__.py",
                 "asyncio/core.py", "fastpoll"):
        assert word in proc.stdout


def test_make_info(pybv11):
    env = dict(os.environ, BUILD_ROOT=os.path.dirname(pybv11))
    proc = subprocess.run(["make", "-s", "info", "BOARD=PYBV11"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "fastpoll" in proc.stdout and "primitives/__init__.py" in proc.stdout


def test_check_is_one_line(pybv11):
    proc = script("firmwareinfo", "check", "--board", "PYBV11", "--build", pybv11)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 1
    assert proc.stdout.startswith("PYBV11: firmware fits")


def test_missing_build(tmp_path):
    for command in ("check", "report"):
        proc = script("firmwareinfo", command, "--board", "PYBV10", "--build", str(tmp_path))
        assert_one_line_error(proc, "run: make firmware BOARD=PYBV10")


def test_too_big_for_a_smaller_flash(pybv11):
    """The same image against a board whose FLASH_TEXT is 64 KiB is refused."""
    small = flashmap.Board("SMALL", "test", "none.ld", flashmap.Region("FLASH", 0x08000000, 0),
                           (flashmap.Region("FLASH_START", 0x08000000, 16 * 1024),
                            flashmap.Region("FLASH_TEXT", 0x08020000, 64 * 1024)))
    elf = ElfFile(os.path.join(pybv11, "firmware.elf"))
    with pytest.raises(UserError, match="firmware too big for SMALL"):
        firmwareinfo.flash_use(elf, small)


def test_corrupt_dfu_fails_check(pybv11, tmp_path):
    build = tmp_path / "PYBV11"
    (build / "genhdr").mkdir(parents=True)
    for name in ("firmware.elf", "firmware.dfu", "genhdr/mpversion.h"):
        shutil.copy(os.path.join(pybv11, name), str(build / name))
    dfu = build / "firmware.dfu"
    dfu.write_bytes(dfu.read_bytes()[:-1000])
    proc = script("firmwareinfo", "check", "--board", "PYBV11", "--build", str(build))
    assert_one_line_error(proc, "firmware.dfu", "truncated")


def test_not_an_elf(tmp_path):
    (tmp_path / "firmware.elf").write_bytes(b"hello")
    (tmp_path / "firmware.dfu").write_bytes(b"")
    proc = script("firmwareinfo", "check", "--board", "PYBV11", "--build", str(tmp_path))
    assert_one_line_error(proc, "not an ELF file")
