"""Every board in boards/ builds (make boards), fits its flash with room to spare, and holds
everything our manifest ships, our C module, and none of the test-only fakes or C modules."""

import json
import os

import fwinfo
import genpackage
import pytest
from elffile import ElfFile
from hosttools import ROOT, make, mpy_dir, script

BOARDS = sorted(d for d in os.listdir(os.path.join(ROOT, "boards"))
                if os.path.exists(os.path.join(ROOT, "boards", d, "mpconfigboard.mk")))
BUILD = os.path.abspath(os.environ.get("BUILD_ROOT", os.path.join(ROOT, "build")))
# What the test builds freeze on top of the library: never in a firmware.
TEST_ONLY = {n for d in ("fakes", os.path.join("targets", "qemu"))
             for n in os.listdir(os.path.join(ROOT, "tests", d))
             if n.endswith(".py") and n != "manifest.py"}
# C modules only the test builds link (tests/targets/qemu/irqsim.c: real timer interrupts).
TEST_ONLY_C = {"irqsim"}
BOARD_NAMES = {"PYBV11": b"PYBv1.1", "PYBV10": b"PYBv1.0", "PYBLITEV10": b"PYBLITEv1.0"}


@pytest.fixture(scope="module")
def built(targets):
    proc = make("boards")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_the_board_matrix():
    assert BOARDS == ["PYBLITEV10", "PYBV10", "PYBV11"]


@pytest.mark.parametrize("board", BOARDS)
def test_board_firmware(built, board):
    proc = script("fwinfo", "report", "--board", board, "--build", os.path.join(BUILD, board),
                  "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    shipped = {target for target, _ in genpackage.manifest_files(mpy_dir())}
    assert shipped <= set(info["frozen"]), shipped - set(info["frozen"])
    assert "fwinfo.py" in info["frozen"] and "asyncio/core.py" in info["frozen"]
    assert {"machine.py", "pyb.py", "testkit.py", "irqkit.py"} <= TEST_ONLY
    assert not TEST_ONLY & set(info["frozen"]), "test-only modules in firmware"
    assert info["c_modules"] == ["fastpoll"]
    assert not TEST_ONLY_C & set(info["c_modules"]), "test-only C modules in firmware"
    for region in info["flash"]:
        assert region["free"] > 0, region
    with open(os.path.join(BUILD, board, "firmware.dfu"), "rb") as f:
        assert BOARD_NAMES[board] + b" with pyb-asyncio" in f.read()


def test_the_check_sees_test_only_c_modules(targets):
    # The same symbol scan finds them in the qemu test build, so their absence above means
    # something.
    found = fwinfo.c_modules(ElfFile(targets["qemu"]))
    assert TEST_ONLY_C <= set(found), found
