"""Upstream's own asyncio tests, with our library imported first, on the unix build.

Importing our modules must leave stock asyncio as it was: each upstream test must print
exactly what it prints without them, and what upstream expects: its .exp, or else (as
upstream's run-tests.py does) what CPython prints.

- fastpoll changes nothing in asyncio: its hub joins asyncio's poller only while a fastpoll
  object is waited on. A priority object exists throughout.
- asyn, primitives and uasyncio (with its queues) add classes and a tutorial event loop, and
  change nothing in asyncio; upstream's asyncio_as_uasyncio.py then meets our uasyncio.
"""

import glob
import os
import subprocess
import sys

import pytest
from hostlib import mpyrun
from hosttools import mpy_dir

# Every one of them runs: none needs a feature our unix build lacks.
UPSTREAM = sorted(glob.glob(os.path.join(mpy_dir(), "tests", "extmod", "asyncio_*.py")))


def run(binary, path):
    res = mpyrun.run_unix(binary, path, timeout=60)
    return res.output + res.error


# What each run imports first, on one line so tracebacks keep upstream's line numbers.
PRELUDES = {
    "fastpoll": "import fastpoll; _urgent = fastpoll.Flag(priority=True)",
    # Every class, not just the lazy package: touching each name loads its module.
    "asyn": "import asyn, uasyncio.queues; [getattr(asyn, n) for n in asyn._names]",
}


@pytest.mark.parametrize("prelude", sorted(PRELUDES))
@pytest.mark.parametrize("test", UPSTREAM, ids=[os.path.basename(t) for t in UPSTREAM])
def test_upstream_asyncio_with_library(targets, test, prelude, tmp_path):
    name = os.path.basename(test)
    with open(test) as f:
        source = f.read()
    # On the first line when that is a comment, so tracebacks keep upstream's line numbers.
    if source.startswith("#"):
        source = PRELUDES[prelude] + "  " + source
    else:
        source = PRELUDES[prelude] + "\n" + source
    patched = tmp_path / name
    patched.write_text(source)

    # Some upstream tests print by wall-clock time (asyncio_fair.py counts prints in 0.45 s),
    # so a stall of this busy machine can change a run's output: up to 3 tries, CPython's,
    # stock and ours in each, and every try is reported if none matches.
    tries = []
    for _ in range(3):
        want = expected(test)
        stock = run(targets["unix"], test)
        ours = run(targets["unix"], str(patched))
        if ours == stock == want:
            return
        tries.append((stock, ours))
    for stock, ours in tries:
        assert ours == stock
    assert ours == want


def expected(test):
    if os.path.exists(test + ".exp"):
        with open(test + ".exp") as f:
            return f.read()
    proc = subprocess.run([sys.executable, test], capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(test))
    return proc.stdout + proc.stderr


def test_upstream_tests_found():
    assert len(UPSTREAM) >= 30, "upstream asyncio tests not found under " + mpy_dir()
