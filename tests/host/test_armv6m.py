"""scripts/armv6m.py, which make firmware runs on our C modules' objects for the RP2040: an
instruction a Cortex-M0+ lacks (LDREX from an atomic add, SDIV) is refused in one line naming
the function; the same C compiled for the M0+ passes."""

import subprocess

import pytest
from hosttools import assert_one_line_error, script

SOURCE = """
int add(volatile int *p) { return __atomic_fetch_add(p, 1, 0); }
int divide(int a, int b) { return a / b; }
"""


def compile_for(cpu, tmp_path):
    src = tmp_path / "t.c"
    src.write_text(SOURCE)
    obj = tmp_path / "t_{}.o".format(cpu)
    subprocess.run(["arm-none-eabi-gcc", "-O2", "-mthumb", "-mcpu=" + cpu, "-c", str(src),
                    "-o", str(obj)], check=True)
    return str(obj)


def test_cortex_m0plus_code_passes(tmp_path):
    proc = script("armv6m", compile_for("cortex-m0plus", tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "all ARMv6-M" in proc.stdout


@pytest.mark.parametrize("cpu", ["cortex-m3", "cortex-m33"])
def test_armv7m_code_is_refused(cpu, tmp_path):
    assert_one_line_error(script("armv6m", compile_for(cpu, tmp_path)), "add uses 'ldrex",
                          "Cortex-M0/M0+")


def test_not_an_object(tmp_path):
    path = tmp_path / "x.o"
    path.write_text("nothing")
    assert_one_line_error(script("armv6m", str(path)), "cannot disassemble")
