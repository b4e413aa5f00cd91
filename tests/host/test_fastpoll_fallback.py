"""The pure-Python fastpoll.fallback (what fastpoll uses on stock firmware) passes fastpoll's
tests.

Each fastpoll test script runs on unix and qemu with the fallback standing in for the C
module, as on firmware without one: the fallback, imported as a module, is put in
sys.modules["_fastpoll"], and fastpoll imported anew, before the script runs.
"""

import os

import pytest
from hostlib import mpyrun
from hosttools import TESTS

MPY_TESTS = os.path.join(TESTS, "mpy")
MPS2_TESTS = os.path.join(TESTS, "mpy_mps2")
CHIP_TESTS = os.path.join(TESTS, "mpy_chip")
# fastpoll's own scripts of tests/mpy (unix and qemu), and io_demo.py (uio's streams, which
# fastpoll wakes).
SCRIPTS = [
    "fastpoll_bits.py", "fastpoll_bits_bounded.py", "fastpoll_counter.py",
    "fastpoll_counter_limits.py", "fastpoll_deinit_midtask.py", "fastpoll_flag.py",
    "fastpoll_hub.py", "fastpoll_hub_soft_cancel.py", "fastpoll_hub_stale_entry.py",
    "fastpoll_priority.py", "fastpoll_priority_pair.py", "io_demo.py",
]
# fastpoll's own script of tests/mpy_mps2 (qemu only: the machine's SysTick).
QEMU_SCRIPTS = ["fastpoll_bits_live.py"]

# fastpoll found the C module at its first import; imported again with the fallback in the
# C module's place, it takes the fallback, as where the firmware has no _fastpoll.
PRELUDE = """import sys
import fastpoll.fallback as _fallback
del sys.modules["fastpoll"]
sys.modules["_fastpoll"] = _fallback
import fastpoll
assert fastpoll.Flag.__bases__[0] is _fallback.Flag
del _fallback
"""


def test_scripts_found():
    for name in SCRIPTS:
        assert os.path.exists(os.path.join(MPY_TESTS, name)), name
    for name in QEMU_SCRIPTS:
        assert os.path.exists(os.path.join(MPS2_TESTS, name)), name
    assert os.path.exists(os.path.join(CHIP_TESTS, "fastpoll_bits_map.py"))


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("name", SCRIPTS)
def test_fallback(targets, target, name, tmp_path):
    check(targets, target, name, tmp_path)


@pytest.mark.parametrize("name", QEMU_SCRIPTS)
def test_fallback_qemu(targets, name, tmp_path):
    check(targets, "qemu", name, tmp_path, MPS2_TESTS)


# The map, read through the fallback's Bits on the qemu machine (tests/mpy_chip).
def test_fallback_map(targets, tmp_path):
    check(targets, "qemu", "fastpoll_bits_map.py", tmp_path, CHIP_TESTS)


def check(targets, target, name, tmp_path, folder=MPY_TESTS):
    with open(os.path.join(folder, name)) as f:
        source = PRELUDE + f.read()
    result = mpyrun.run_source(target, targets[target], source, str(tmp_path), name)
    assert result.ok, "{} failed on {} with fastpoll.fallback:\n{}{}".format(
        name, target, result.output[-2000:], result.error)
    exp = os.path.join(folder, name + ".exp")
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()
