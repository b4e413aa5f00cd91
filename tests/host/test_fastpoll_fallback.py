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
SCRIPTS = sorted(n for n in os.listdir(MPY_TESTS)
                 if n.endswith(".py") and (n.startswith("fastpoll_") or n == "io_demo.py"))
QEMU_SCRIPTS = sorted(n for n in os.listdir(MPY_TESTS)
                      if n.startswith("qemu_fastpoll_") and n.endswith(".py"))

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
    assert len(SCRIPTS) >= 5, SCRIPTS


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("name", SCRIPTS)
def test_fallback(targets, target, name, tmp_path):
    check(targets, target, name, tmp_path)


@pytest.mark.parametrize("name", QEMU_SCRIPTS)
def test_fallback_qemu(targets, name, tmp_path):
    check(targets, "qemu", name, tmp_path)


def check(targets, target, name, tmp_path):
    with open(os.path.join(MPY_TESTS, name)) as f:
        source = PRELUDE + f.read()
    result = mpyrun.run_source(target, targets[target], source, str(tmp_path), name)
    assert result.ok, "{} failed on {} with fastpoll.fallback:\n{}{}".format(
        name, target, result.output[-2000:], result.error)
    exp = os.path.join(MPY_TESTS, name + ".exp")
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()
