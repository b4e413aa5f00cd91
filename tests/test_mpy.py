"""Every MicroPython script in tests/mpy, run on the unix build and on the qemu build.

A script passes when it runs to its end without raising and, if NAME.py.exp exists, prints
exactly that. Scripts assert what they check; a failure shows the MicroPython traceback.
timing_*.py scripts assert two-sided time limits, so they run only on qemu with -icount
(time counted in instructions: the same on every run, whatever the host's load); qemu_*.py
scripts use the qemu machine's own hardware and run only there.
"""

import glob
import os

import mpyrun
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = sorted(glob.glob(os.path.join(HERE, "mpy", "*.py")))
TIMED = [s for s in SCRIPTS if os.path.basename(s).startswith("timing_")]
QEMU_ONLY = [s for s in SCRIPTS if os.path.basename(s).startswith("qemu_")]
BOTH = [s for s in SCRIPTS if s not in TIMED + QEMU_ONLY]
# 2**3 ns per instruction: 125 M instructions/s, about a Pyboard's STM32F405 at 168 MHz.
ICOUNT_SHIFT = 3


def run(targets, target, script):
    if target == "unix":
        return mpyrun.run_unix(targets["unix"], script)
    with open(script) as f:
        icount = ICOUNT_SHIFT if target == "qemu-icount" else None
        return mpyrun.run_qemu(targets["qemu"], f.read(), icount=icount)


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("script", BOTH, ids=[os.path.basename(s) for s in BOTH])
def test_script(targets, target, script):
    check(targets, target, script)


@pytest.mark.parametrize("script", QEMU_ONLY, ids=[os.path.basename(s) for s in QEMU_ONLY])
def test_qemu_script(targets, script):
    check(targets, "qemu", script)


@pytest.mark.parametrize("script", TIMED, ids=[os.path.basename(s) for s in TIMED])
def test_timed_script(targets, script):
    check(targets, "qemu-icount", script)


def check(targets, target, script):
    result = run(targets, target, script)
    assert result.ok, "{} failed on {}:\n{}{}".format(
        os.path.basename(script), target, result.output[-2000:], result.error)
    exp = script + ".exp"
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()


def test_scripts_exist():
    assert SCRIPTS, "no MicroPython test scripts found in tests/mpy"
