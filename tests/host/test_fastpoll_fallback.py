"""The pure-Python _fastpoll (what mip installs on stock firmware) passes fastpoll's tests.

Each fastpoll test script runs on unix and qemu with the fallback standing in for the C
module: it is loaded from its source into sys.modules["_fastpoll"] before the script runs.
"""

import os

import mpyrun
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FALLBACK = os.path.join(ROOT, "frozen", "fastpoll", "_fastpoll.py")
MPY_TESTS = os.path.join(ROOT, "tests", "mpy")
SCRIPTS = sorted(n for n in os.listdir(MPY_TESTS)
                 if n.endswith(".py") and (n.startswith("fastpoll_") or n == "io_demo.py"))
QEMU_SCRIPTS = sorted(n for n in os.listdir(MPY_TESTS)
                      if n.startswith("qemu_fastpoll_") and n.endswith(".py"))

# MicroPython cannot make a module object at run time; a class serves as the namespace.
PRELUDE = """import sys
_ns = {{}}
exec({source!r}, _ns)
class _fallback:
    pass
for _k, _v in _ns.items():
    setattr(_fallback, _k, _v)
sys.modules["_fastpoll"] = _fallback
import fastpoll
assert fastpoll.Flag.__bases__[0] is _fallback.Flag
del _fallback, _ns, _k, _v
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
    with open(FALLBACK) as f:
        prelude = PRELUDE.format(source=f.read())
    with open(os.path.join(MPY_TESTS, name)) as f:
        source = prelude + f.read()
    result = mpyrun.run_source(target, targets[target], source, str(tmp_path), name)
    assert result.ok, "{} failed on {} with the Python _fastpoll:\n{}{}".format(
        name, target, result.output[-2000:], result.error)
    exp = os.path.join(MPY_TESTS, name + ".exp")
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()
