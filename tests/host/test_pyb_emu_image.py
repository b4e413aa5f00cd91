"""The emulated PYBV11 (tests/targets/pyb-emu) is the PYBV11 firmware plus the emulator delta:
the same frozen modules and C modules (fwinfo, as make info reads them), and a board dir that
includes ours rather than copying it."""

import json
import os
import re

import pytest
from hosttools import ROOT, script

EMU_DIR = os.path.join(ROOT, "tests", "targets", "pyb-emu")


def info(build):
    proc = script("firmwareinfo", "report", "--board", "PYBV11", "--build", build, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def both(pybv11, pyb_emu):
    return info(pybv11), info(os.path.dirname(pyb_emu))


def test_same_frozen_modules(both):
    firmware, emu = both
    assert emu["frozen"] == firmware["frozen"]
    assert "primitives/__init__.py" in emu["frozen"] and "asyncio/core.py" in emu["frozen"]


def test_same_c_modules(both):
    firmware, emu = both
    assert emu["c_modules"] == firmware["c_modules"] and "fastpoll" in emu["c_modules"]


def test_same_micropython(both):
    firmware, emu = both
    assert emu["micropython"] == firmware["micropython"]


def test_board_dir_reuses_pybv11():
    with open(os.path.join(EMU_DIR, "mpconfigboard.h")) as f:
        header = f.read()
    assert '#include "../../../boards/PYBV11/mpconfigboard.h"' in header
    with open(os.path.join(EMU_DIR, "mpconfigboard.mk")) as f:
        mk = f.read()
    assert "include $(BOARD_DIR)/../../../boards/PYBV11/mpconfigboard.mk" in mk
    assert "FROZEN_MANIFEST = $(BOARD_DIR)/../../../boards/manifest.py" in mk
    # The delta is the emulator's: each macro it changes is named in docs/pyb-emu.md.
    changed = sorted(set(re.findall(r"^#undef (\w+)", header, re.M)))
    with open(os.path.join(ROOT, "docs", "pyb-emu.md")) as f:
        doc = f.read()
    assert changed and all(name in doc for name in changed), changed
