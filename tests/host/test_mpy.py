"""Every MicroPython script in tests/mpy, run on the unix build and on the qemu build, and every
script in tests/mpy_qemu on the qemu build only (they need its real interrupts, irqsim; they are
not run, not skipped, on unix).

A script passes when it runs to its end without raising and, if NAME.py.exp exists, prints
exactly that. Scripts assert what they check; a failure shows the MicroPython traceback.
Every qemu run counts time in instructions (-icount with a fixed shift, mpyrun.ICOUNT_SHIFT):
the same on every run, whatever the host's load. Scripts check two-sided time limits through
testkit.within(), which checks the upper bound only there (on unix the host's load stretches
time). timing_*.py scripts are all time limits, so they run on qemu only; qemu_*.py scripts
use the qemu machine's own hardware and run only there.
"""

import glob
import os
import random

import pytest
from hostlib import mpyrun
from hosttools import TESTS

SCRIPTS = sorted(glob.glob(os.path.join(TESTS, "mpy", "*.py")))
TIMED = [s for s in SCRIPTS if os.path.basename(s).startswith("timing_")]
QEMU_ONLY = [s for s in SCRIPTS if os.path.basename(s).startswith("qemu_")]
BOTH = [s for s in SCRIPTS if s not in TIMED + QEMU_ONLY]
IRQ_SCRIPTS = sorted(glob.glob(os.path.join(TESTS, "mpy_qemu", "*.py")))
ICOUNT_SHIFT = mpyrun.ICOUNT_SHIFT


def run(targets, target, script, **qemu_args):
    if target == "unix":
        return mpyrun.run_unix(targets["unix"], script)
    with open(script) as f:
        return mpyrun.run_qemu(targets["qemu"], f.read(), **qemu_args)


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("script", BOTH, ids=[os.path.basename(s) for s in BOTH])
def test_script(targets, target, script):
    check(targets, target, script)


@pytest.mark.parametrize("script", QEMU_ONLY, ids=[os.path.basename(s) for s in QEMU_ONLY])
def test_qemu_script(targets, script):
    check(targets, "qemu", script)


@pytest.mark.parametrize("script", TIMED, ids=[os.path.basename(s) for s in TIMED])
def test_timed_script(targets, script):
    check(targets, "qemu", script)


# Both modes count time in instructions (a fixed shift): the interrupt rate, the guest's clock and
# where each interrupt lands depend on the instructions run, never on the host's speed or load.
# "block": Python runs at full speed, translated blocks of many instructions. "insn": one
# instruction per block (-singlestep), as a check that nothing relies on the block boundaries.
# What varies the interleaving is irqsim's jitter (each period drawn from [T/2, 3T/2)): seeded
# per run from the host's random source, the seed shown on failure; IRQSIM_SEED=n repeats a run.
INTERLEAVE = {"block": {"icount": ICOUNT_SHIFT}, "insn": {"icount": ICOUNT_SHIFT,
                                                          "singlestep": True}}


def irq_seed():
    return int(os.environ.get("IRQSIM_SEED") or random.randrange(1, 2**32))


@pytest.mark.parametrize("interleave", sorted(INTERLEAVE))
@pytest.mark.parametrize("script", IRQ_SCRIPTS, ids=[os.path.basename(s) for s in IRQ_SCRIPTS])
def test_irq_script(targets, script, interleave):
    seed = irq_seed()
    # On the script's first line (a comment in each), so that tracebacks keep its line numbers.
    prelude = "import irqsim; irqsim.seed({})  ".format(seed)
    check(targets, "qemu", script, prelude, "IRQSIM_SEED={}".format(seed),
          **INTERLEAVE[interleave])


def test_irq_scripts_start_with_a_comment():
    for script in IRQ_SCRIPTS:
        with open(script) as f:
            assert f.read(1) == "#", script


def check(targets, target, script, prelude="", note="", **qemu_args):
    if prelude:
        with open(script) as f:
            result = mpyrun.run_qemu(targets["qemu"], prelude + f.read(), **qemu_args)
    else:
        result = run(targets, target, script, **qemu_args)
    assert result.ok, "{} failed on {} {}: {}\n{}{}".format(
        os.path.basename(script), target, note, result.reason, result.output[-2000:],
        result.error)
    exp = script + ".exp"
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()


def test_scripts_exist():
    assert SCRIPTS, "no MicroPython test scripts found in tests/mpy"
    assert IRQ_SCRIPTS, "no MicroPython test scripts found in tests/mpy_qemu"
