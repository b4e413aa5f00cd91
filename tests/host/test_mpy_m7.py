"""The fastpoll, primitives and real-interrupt scripts of tests/mpy and tests/mpy_qemu, again on
the Cortex-M7 qemu build (tests/targets/qemu_m7: QEMU's mps2-an500, -mcpu=cortex-m7
-mfpu=fpv5-d16, double-precision float), so the Pyboard D's core and FPU run them too.

To keep make test's time, the scripts that exercise the core's behaviour run here: fastpoll (C
module, the address maps of this machine), the primitives and queues, Delay_ms, the encoder and
every real-IRQ script at full speed (the single-step variant stays on the Cortex-M4 build).
The tutorial demos, soak tests and timing limits run on the M4 build only.
"""

import os

import hosttools
import pytest
import test_mpy
from hostlib import mpyrun
from hosttools import BUILD

M7_ELF = os.path.join(BUILD, "test-qemu-m7", "firmware.elf")
# The scripts of tests/mpy that exercise the core: fastpoll, the primitives and queues,
# Delay_ms, the encoder and edges. And tests/mpy_mps2's fastpoll_bits_live.py (this machine's
# SysTick), but not its timing_limits.py (timing limits run on the M4 build only).
CORE = [
    "barrier.py", "condition.py", "condition_asyncio_lock.py", "event_waitany_waitall.py",
    "lock.py", "semaphore.py", "delay_ms.py", "edges_late.py",
    "encoder_aiter_early.py", "encoder_quadrature.py", "fastpoll_bits.py",
    "fastpoll_bits_bounded.py", "fastpoll_counter.py", "fastpoll_counter_limits.py",
    "fastpoll_deinit_midtask.py", "fastpoll_flag.py", "fastpoll_hub.py",
    "fastpoll_hub_soft_cancel.py", "fastpoll_hub_stale_entry.py", "fastpoll_priority.py",
    "fastpoll_priority_pair.py", "queue_queue.py", "queue_ringbuf.py", "queue_ringbuf_array.py",
    "v3_broker.py", "v3_events.py", "v3_threadsafe.py",
]
MPS2 = ["fastpoll_bits_live.py"]
SCRIPTS = ([s for s in test_mpy.SCRIPTS if os.path.basename(s) in CORE]
           + [s for s in test_mpy.MPS2_SCRIPTS if os.path.basename(s) in MPS2]
           + test_mpy.CHIP_SCRIPTS)


def build(target, elf):
    """make target (a qemu test build); returns its elf."""
    proc = hosttools.make(target)  # under the build folder's lock: xdist workers share it
    if proc.returncode != 0:
        pytest.fail("make {} failed:\n".format(target) + proc.stdout[-4000:]
                    + proc.stderr[-4000:], pytrace=False)
    return elf


@pytest.fixture(scope="session")
def m7():
    return build("qemu-m7", M7_ELF)


def check(elf, script, machine=mpyrun.QEMU_MACHINE_M7, **qemu_args):
    with open(script) as f:
        result = mpyrun.run_qemu(elf, f.read(), machine=machine, **qemu_args)
    assert result.ok, "{} failed on {}:\n{}{}".format(
        os.path.basename(script), machine, result.output[-2000:], result.error)
    exp = script + ".exp"
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()


def test_the_core_is_a_cortex_m7_with_double_float(m7):
    result = mpyrun.run_qemu(m7, "import sys\nprint(sys.implementation._machine)\n"
                             "print(repr(1 / 3))\n", machine=mpyrun.QEMU_MACHINE_M7)
    assert result.ok, result.error
    machine, third = result.output.split("\n")[:2]
    assert machine == "mps2-an500 with Cortex-M7"
    # 17 significant digits need a double; a single-precision float prints 0.3333333.
    assert third == "0.3333333333333333", third


@pytest.mark.parametrize("script", SCRIPTS, ids=[os.path.basename(s) for s in SCRIPTS])
def test_script_m7(m7, script):
    check(m7, script)


@pytest.mark.parametrize("script", test_mpy.IRQ_SCRIPTS,
                         ids=[os.path.basename(s) for s in test_mpy.IRQ_SCRIPTS])
def test_irq_script_m7(m7, script):
    # Full-speed blocks, as the M4's "block" variant, but with a fixed 8 ns per instruction
    # rather than icount=auto: auto ties guest time to the host's speed, and on a loaded host
    # (load 11 when this was written) the timer then ran at 2.4 kHz instead of 6 kHz.
    check(m7, script, icount=test_mpy.ICOUNT_SHIFT)


def test_scripts_chosen():
    names = {os.path.basename(s) for s in SCRIPTS}
    chip = {os.path.basename(s) for s in test_mpy.CHIP_SCRIPTS}
    assert names == set(CORE + MPS2) | chip, set(CORE + MPS2) - names
