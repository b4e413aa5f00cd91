"""The MicroPython scripts on the unix and qemu test builds, chosen by folder:
- tests/mpy: every script, on unix and on qemu (and on the other targets: docs/testing.md);
- tests/mpy_mps2: on qemu only; they need the qemu machine (its SysTick) or its instruction-counted
  time (two-sided time limits: on unix the host's load stretches time);
- tests/mpy_qemu: on qemu only, with real interrupts (irqsim), in two interleavings;
- tests/mpy_chip: on every emulated chip (here qemu's), never unix: they read the chip's memory.

A script passes when it runs to its end without raising and, if NAME.py.exp exists, prints
exactly that. Scripts assert what they check; a failure shows the MicroPython traceback.
Every qemu run counts time in instructions (-icount with a fixed shift, mpyrun.ICOUNT_SHIFT):
the same on every run, whatever the host's load. Scripts check two-sided time limits through
testkit.within(), which checks the upper bound only there.
"""

import glob
import os
import random

import pytest
from hostlib import mpyrun
from hosttools import TESTS


def scripts(folder):
    """The MicroPython scripts of tests/<folder>, sorted."""
    return sorted(glob.glob(os.path.join(TESTS, folder, "*.py")))


SCRIPTS = scripts("mpy")
MPS2_SCRIPTS = scripts("mpy_mps2")
IRQ_SCRIPTS = scripts("mpy_qemu")
CHIP_SCRIPTS = scripts("mpy_chip")
ICOUNT_SHIFT = mpyrun.ICOUNT_SHIFT


def run(targets, target, script, **qemu_args):
    if target == "unix":
        return mpyrun.run_unix(targets["unix"], script)
    with open(script) as f:
        return mpyrun.run_qemu(targets["qemu"], f.read(), **qemu_args)


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("script", SCRIPTS, ids=[os.path.basename(s) for s in SCRIPTS])
def test_script(targets, target, script):
    check(targets, target, script)


@pytest.mark.parametrize("script", CHIP_SCRIPTS, ids=[os.path.basename(s) for s in CHIP_SCRIPTS])
def test_chip_script(targets, script):
    check(targets, "qemu", script)


@pytest.mark.parametrize("script", MPS2_SCRIPTS, ids=[os.path.basename(s) for s in MPS2_SCRIPTS])
def test_mps2_script(targets, script):
    check(targets, "qemu", script)


# Both modes count time in instructions (a fixed shift): the interrupt rate, the guest's clock and
# where each interrupt lands depend on the instructions run, never on the host's speed or load.
# "block": Python runs at full speed, translated blocks of many instructions. "insn": one
# instruction per block (-singlestep), as a check that nothing relies on the block boundaries.
# What varies the interleaving is irqsim's jitter (each period drawn from [T/2, 3T/2)): seeded
# per run from the host's random source, the seed shown on failure; IRQSIM_SEED=n repeats a run.
# An "insn" run lasts 400 ms of guest time, not irqkit's 1200: -singlestep makes each guest
# millisecond cost about 4 times the host time, and the counts the scripts check still hold
# several times over (each scales its own with irqkit.RUN_MS).
INTERLEAVE = {"block": ({"icount": ICOUNT_SHIFT}, ""),
              "insn": ({"icount": ICOUNT_SHIFT, "singlestep": True},
                       "import irqkit; irqkit.RUN_MS = 400  ")}


def irq_seed():
    return int(os.environ.get("IRQSIM_SEED") or random.randrange(1, 2**32))


@pytest.mark.parametrize("interleave", sorted(INTERLEAVE))
@pytest.mark.parametrize("script", IRQ_SCRIPTS, ids=[os.path.basename(s) for s in IRQ_SCRIPTS])
def test_irq_script(targets, script, interleave):
    seed = irq_seed()
    # On the script's first line (a comment in each), so that tracebacks keep its line numbers.
    qemu_args, setup = INTERLEAVE[interleave]
    prelude = "import irqsim; irqsim.seed({}); {}".format(seed, setup)
    check(targets, "qemu", script, prelude, "IRQSIM_SEED={}".format(seed), **qemu_args)


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
    assert MPS2_SCRIPTS, "no MicroPython test scripts found in tests/mpy_mps2"
    assert CHIP_SCRIPTS, "no MicroPython test scripts found in tests/mpy_chip"
    assert IRQ_SCRIPTS, "no MicroPython test scripts found in tests/mpy_qemu"
