"""Every MicroPython script in tests/mpy, run on the unix build and on the qemu build, and every
script in tests/mpy_qemu on the qemu build only (they need its real interrupts, irqsim; they are
not run, not skipped, on unix).

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
IRQ_SCRIPTS = sorted(glob.glob(os.path.join(HERE, "mpy_qemu", "*.py")))
# 2**3 ns per instruction: 125 M instructions/s, about a Pyboard's STM32F405 at 168 MHz.
ICOUNT_SHIFT = 3


def run(targets, target, script, **qemu_args):
    if target == "unix":
        return mpyrun.run_unix(targets["unix"], script)
    with open(script) as f:
        if target == "qemu-icount":
            qemu_args["icount"] = ICOUNT_SHIFT
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
    check(targets, "qemu-icount", script)


# qemu delivers interrupts between translated blocks. "block": Python runs at full speed (many
# bytecode interleavings), time counted in instructions so that no timer interrupt is dropped
# when the host is busy (shift=auto: the interleaving differs from run to run). "insn": one
# instruction per block, so an interrupt can split any two, as on the hardware; a fixed
# 8 ns per instruction keeps the guest fast enough for the interrupt rate.
INTERLEAVE = {"block": {"icount": "auto"}, "insn": {"icount": ICOUNT_SHIFT, "singlestep": True}}


@pytest.mark.parametrize("interleave", sorted(INTERLEAVE))
@pytest.mark.parametrize("script", IRQ_SCRIPTS, ids=[os.path.basename(s) for s in IRQ_SCRIPTS])
def test_irq_script(targets, script, interleave):
    check(targets, "qemu", script, **INTERLEAVE[interleave])


def check(targets, target, script, **qemu_args):
    result = run(targets, target, script, **qemu_args)
    assert result.ok, "{} failed on {}:\n{}{}".format(
        os.path.basename(script), target, result.output[-2000:], result.error)
    exp = script + ".exp"
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()


def test_scripts_exist():
    assert SCRIPTS, "no MicroPython test scripts found in tests/mpy"
    assert IRQ_SCRIPTS, "no MicroPython test scripts found in tests/mpy_qemu"
