"""The boards make test builds (the PYBV11 and the PYBD_SF2, whose firmware is split between
internal flash and QSPI) fit their flash with room to spare in every region, and hold everything
our manifest ships, our C module, and none of the test-only fakes or C modules. The others
are built by make boards (the same check runs at the end of every make firmware); a D-series
build takes about 5 CPU-minutes, so make test builds one."""

import json
import os

import pytest
from hostlib import firmwareinfo, genpackage
from hostlib.elffile import ElfFile
from hosttools import BUILD, ROOT, make, mpy_dir, script

BOARDS = sorted(d for d in os.listdir(os.path.join(ROOT, "boards"))
                if os.path.exists(os.path.join(ROOT, "boards", d, "mpconfigboard.mk")))
# What the test builds freeze on top of the library: never in a firmware.
TEST_ONLY = {n for d in ("fakes", os.path.join("targets", "qemu"))
             for n in os.listdir(os.path.join(ROOT, "tests", d))
             if n.endswith(".py") and n != "manifest.py"}
# C modules only the test builds link (tests/targets/qemu/irqsim.c: real timer interrupts).
TEST_ONLY_C = {"irqsim"}
BOARD_NAMES = {"PYBV11": b"PYBv1.1", "PYBV10": b"PYBv1.0", "PYBLITEV10": b"PYBLITEv1.0",
               "PYBD_SF2": b"PYBD-SF2W", "PYBD_SF3": b"PYBD-SF3W", "PYBD_SF6": b"PYBD-SF6W"}
MAKE_TEST_BOARDS = ["PYBV11", "PYBD_SF2"]


@pytest.fixture(scope="module")
def built(targets):
    for board in MAKE_TEST_BOARDS:
        proc = make("firmware", "BOARD=" + board)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_the_board_matrix():
    assert BOARDS == ["PYBD_SF2", "PYBD_SF3", "PYBD_SF6", "PYBLITEV10", "PYBV10", "PYBV11"]
    assert set(BOARD_NAMES) == set(BOARDS) and set(MAKE_TEST_BOARDS) <= set(BOARDS)


@pytest.mark.parametrize("board", MAKE_TEST_BOARDS)
def test_board_firmware(built, board):
    proc = script("firmwareinfo", "report", "--board", board, "--build",
                  os.path.join(BUILD, board), "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    shipped = {target for target, _ in genpackage.manifest_files(mpy_dir())}
    assert shipped <= set(info["frozen"]), shipped - set(info["frozen"])
    assert "fwinfo.py" in info["frozen"] and "asyncio/core.py" in info["frozen"]
    assert {"machine.py", "pyb.py", "testkit.py", "irqkit.py"} <= TEST_ONLY
    assert not TEST_ONLY & set(info["frozen"]), "test-only modules in firmware"
    assert info["c_modules"] == ["fastpoll", "uasyncio"]
    assert not TEST_ONLY_C & set(info["c_modules"]), "test-only C modules in firmware"
    for region in info["flash"]:
        assert region["free"] > 0, region
    with open(os.path.join(BUILD, board, "firmware.dfu"), "rb") as f:
        assert BOARD_NAMES[board] + b" with pyb-asyncio" in f.read()
    if board.startswith("PYBD"):
        # mboot's layout: nothing below 0x08008000; the network stack is in.
        assert min(e["address"] for e in info["dfu"]["elements"]) == 0x08008000
        assert {"network/__init__.py", "requests/__init__.py"} & set(info["frozen"])


def test_sf2_frozen_python_is_in_qspi(built):
    """The SF2's delta (boards/PYBD_SF2/f722_qspi_frozen.ld): the frozen bytecode and the
    frozen qstr pool are linked into the QSPI flash, the C module stays in internal flash."""
    elf = ElfFile(os.path.join(BUILD, "PYBD_SF2", "firmware.elf"))
    for name in ("mp_qstr_frozen_const_pool", "mp_frozen_names"):
        assert 0x90000000 <= elf.symbol(name).value < 0x90100000, name
    assert 0x08008000 <= elf.symbol("fastpoll_user_cmodule").value < 0x08080000
    regions = firmwareinfo.flashmap.board("PYBD_SF2")
    used = {r["region"]: r for r in firmwareinfo.flash_use(elf, regions)}
    assert used["FLASH_APP"]["free"] > 0 and used["FLASH_EXT"]["used"] > 0


def test_the_check_sees_test_only_c_modules(targets):
    # The same symbol scan finds them in the qemu test build, so their absence above means
    # something.
    found = firmwareinfo.c_modules(ElfFile(targets["qemu"]))
    assert TEST_ONLY_C <= set(found), found


def test_make_info_shows_both_sf2_regions(built):
    proc = make("info", "BOARD=PYBD_SF2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    for region, origin in (("FLASH_APP", "0x08008000"), ("FLASH_EXT", "0x90000000")):
        line = next(ln for ln in lines if region in ln)
        assert origin in line and "free" in line, line


# The stm32 port reads pins.csv from BOARD_DIR only: upstream's is linked into a mirror of our
# board folders under the build's folder (the Makefile's stm32_src), never copied into the
# source tree nor written there by a build.
def test_no_pins_csv_in_the_source_tree():
    folders = [os.path.join(ROOT, "boards"), os.path.join(ROOT, "tests", "targets")]
    found = [os.path.relpath(os.path.join(d, f), ROOT) for top in folders
             for d, _, files in os.walk(top) for f in files if f == "pins.csv"]
    assert not found, found


def test_the_port_reads_upstreams_pins_csv(pybv11):
    link = os.path.join(pybv11, "boardsrc", "boards", "PYBV11", "pins.csv")
    assert os.path.realpath(link) == os.path.realpath(
        os.path.join(mpy_dir(), "ports", "stm32", "boards", "PYBV11", "pins.csv"))


def test_no_host_module_is_named_as_a_frozen_one():
    """A host command or library module never shares a name with a module the firmware or the
    test builds freeze (fwinfo is generated per build; the fakes are the test builds')."""
    tops = {target.split("/")[0] for target, _ in genpackage.manifest_files(mpy_dir())}
    frozen = {n[:-3] if n.endswith(".py") else n for n in tops}
    frozen |= {"fwinfo"} | {n[:-3] for n in TEST_ONLY}
    host = {n[:-3] for d in ("scripts", os.path.join("scripts", "hostlib"))
            for n in os.listdir(os.path.join(ROOT, d)) if n.endswith(".py")}
    assert {"aswitch", "primitives", "fastpoll", "testkit"} <= frozen, frozen
    assert not host & frozen, host & frozen
