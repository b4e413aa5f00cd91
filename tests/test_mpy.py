"""Every MicroPython script in tests/mpy, run on the unix build and on the qemu build.

A script passes when it runs to its end without raising and, if NAME.py.exp exists, prints
exactly that. Scripts assert what they check; a failure shows the MicroPython traceback.
"""

import glob
import os

import mpyrun
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = sorted(glob.glob(os.path.join(HERE, "mpy", "*.py")))


def run(targets, target, script):
    if target == "unix":
        return mpyrun.run_unix(targets["unix"], script)
    with open(script) as f:
        return mpyrun.run_qemu(targets["qemu"], f.read())


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("script", SCRIPTS, ids=[os.path.basename(s) for s in SCRIPTS])
def test_script(targets, target, script):
    result = run(targets, target, script)
    assert result.ok, "{} failed on {}:\n{}{}".format(
        os.path.basename(script), target, result.output[-2000:], result.error)
    exp = script + ".exp"
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()


def test_scripts_exist():
    assert SCRIPTS, "no MicroPython test scripts found in tests/mpy"
