"""The fastpoll and primitives scripts of tests/mpy again on a Cortex-M0 qemu build
(tests/targets/qemu_m0: QEMU's microbit machine, an nRF51, -mcpu=cortex-m0), the RP2040's core
family: ARMv6-M, no LDREX/STREX, no hardware divide, no FPU. The same scripts as the Cortex-M7
build (tests/host/test_mpy_m7.py), less what this machine cannot run:
- tests/mpy_mps2 and tests/mpy_qemu (real interrupts): they need the MPS2 machine (its SysTick,
  its timers through irqsim), and the nRF51 has neither those timers nor irqsim;
- fastpoll_bits.py and tests/mpy_chip: they check Bits' address check against the board's
  memory map, and the nRF51 test machine has none (the maps of the chips we ship are checked by
  tests/host/test_fastpoll_maps.py; the rest of Bits runs here in fastpoll_bits_bounded.py).
All of them fit its 256 KiB of SRAM (about 132 KiB of heap).
"""

import os

import pytest
import test_mpy
import test_mpy_m7
from hostlib import mpyrun

M0_ELF = os.path.join(test_mpy_m7.BUILD, "test-qemu-m0", "firmware.elf")
NOT_HERE = {"fastpoll_bits.py"}
SCRIPTS = [s for s in test_mpy_m7.SCRIPTS if os.path.basename(s) not in NOT_HERE
           and s not in test_mpy.MPS2_SCRIPTS and s not in test_mpy.CHIP_SCRIPTS]


@pytest.fixture(scope="session")
def m0():
    return test_mpy_m7.build("qemu-m0", M0_ELF)


def test_the_core_is_a_cortex_m0(m0):
    result = mpyrun.run_qemu(m0, "import sys\nprint(sys.implementation._machine)\n",
                             machine=mpyrun.QEMU_MACHINE_M0)
    assert result.ok, result.error
    assert result.output.split("\n")[0] == "microbit with Cortex-M0"


@pytest.mark.parametrize("script", SCRIPTS, ids=[os.path.basename(s) for s in SCRIPTS])
def test_script_m0(m0, script):
    test_mpy_m7.check(m0, script, machine=mpyrun.QEMU_MACHINE_M0,
                      icount=test_mpy.ICOUNT_SHIFT)


def test_scripts_chosen():
    names = {os.path.basename(s) for s in SCRIPTS}
    assert {"fastpoll_flag.py", "fastpoll_counter.py", "fastpoll_priority.py",
            "fastpoll_bits_bounded.py", "delay_ms.py", "queue_ringbuf.py",
            "encoder_quadrature.py", "lock.py"} <= names, names
    # fastpoll_bits.py, mpy_mps2/fastpoll_bits_live.py and tests/mpy_chip's
    assert len(SCRIPTS) == len(test_mpy_m7.SCRIPTS) - 2 - len(test_mpy.CHIP_SCRIPTS)
