"""Stock PYBV11 (upstream's firmware, nothing of ours: make pyb-emu-stock) on the emulated
STM32F405, with the library placed where mip places it on a Pyboard and the board's sys.path
(['', '.frozen', '/flash', '/flash/lib']), on a RAM disk at /flash (scripts/pybemu.py).

The RAM disk holds 64 KiB (61 free), less than the whole library's source (mip installs .py):
each test installs the lists (or, from package.json, the files) it imports, at the paths mip
gives them.
"""

import json
import os

import hosttools
import pytest
from hostlib import pybemu
from hosttools import BUILD, ROOT

ICOUNT_SHIFT = 3


@pytest.fixture(scope="module")
def stock_emu():
    proc = hosttools.make("pyb-emu-stock")  # under the build folder's lock
    if proc.returncode != 0:
        pytest.fail("make pyb-emu-stock failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:],
                    pytrace=False)
    return os.path.join(BUILD, "stock-pyb-emu", "firmware.elf")


def mip_files(name, folder="lib", only=None):
    """{path on /flash: text} for the mip list name installed into /flash/folder ("" for
    /flash itself, as mip install --target /flash)."""
    with open(os.path.join(ROOT, name)) as f:
        urls = json.load(f)["urls"]
    files = {}
    for target, source in urls:
        if only is None or target in only:
            with open(os.path.join(ROOT, source)) as f:
                files[os.path.join(folder, target) if folder else target] = f.read()
    return files


# The tutorial loop (uasyncio.json, in the program's folder) and what it imports from /flash/lib.
TUTORIAL = dict(mip_files("fastpoll.json"), **mip_files("uasyncio.json", ""),
                **mip_files("package.json", only={"primitives/__init__.py",
                                                  "primitives/queue.py",
                                                  "primitives/ringbuf_queue.py",
                                                  "primitives/waiters.py"}))


def run(elf, source, files):
    result = pybemu.run(elf, source, files, icount=ICOUNT_SHIFT)
    assert result.ok, result.output + result.error
    return result.output


def test_stock_image_has_nothing_of_ours(stock_emu):
    out = run(stock_emu, """
import sys
for name in ("fastpoll", "_fastpoll", "primitives", "fwinfo", "aswitch", "io"):
    try:
        m = __import__(name)
        print(name, getattr(m, "__file__", "builtin"))
    except ImportError:
        print(name, "missing")
print(sys.implementation._build)
import os
s = os.statvfs("/flash")
print(s[0] * s[3])
""", {})
    assert out.split("\n")[:6] == ["fastpoll missing", "_fastpoll missing", "primitives missing",
                                   "fwinfo missing", "aswitch missing", "io builtin"], out
    assert out.split("\n")[6] == "pyb-emu-stock", out  # the board dir's name
    # The RAM disk's root directory is made small (pybemu.RAMDISK_ROOT_ENTRIES): 61 KiB free.
    assert int(out.split("\n")[7]) >= 61 * 1024, out


PROBE = """import sys
print(sys.path)
import io
print("io", getattr(io, "__file__", "builtin"))
import uasyncio
print("uasyncio", getattr(uasyncio, "__file__", "?"))
import uasyncio.queues
import fastpoll
print("fastpoll", fastpoll.__file__)
"""


def test_names_resolve_as_on_a_pyboard(stock_emu):
    lines = run(stock_emu, PROBE, TUTORIAL).split("\n")
    assert lines[0] == repr(["", ".frozen", "/flash", "/flash/lib"]), lines
    assert lines[1] == "io builtin"  # nothing shadows the builtin io
    assert lines[2] == "uasyncio uasyncio/__init__.py"  # the program's folder, before .frozen
    assert lines[3] == "fastpoll /flash/lib/fastpoll/__init__.py"


def test_tutorial_loop_from_flash(stock_emu):
    out = run(stock_emu, """
import uasyncio as asyncio
from uasyncio.queues import Queue
log = []
async def producer(q):
    for i in range(5):
        await q.put(i)
        await asyncio.sleep_ms(2)
async def consumer(q):
    for _ in range(5):
        log.append(await q.get())
loop = asyncio.get_event_loop()
q = Queue()
loop.create_task(producer(q))
loop.run_until_complete(consumer(q))
assert log == [0, 1, 2, 3, 4], log
print("tutorial loop ok", asyncio.__file__)
""", TUTORIAL)
    assert "tutorial loop ok uasyncio/__init__.py" in out


def test_pure_python_fastpoll_counts_every_hard_irq(stock_emu):
    """Stock's machine.Timer(-1, hard=True) feeding the pure-Python _fastpoll's Counter, masked
    by the board's disable_irq: every interrupt counted, none twice."""
    out = run(stock_emu, """
import asyncio, fastpoll, machine
from fastpoll import fallback as _fastpoll
assert _fastpoll.__file__ == "/flash/lib/fastpoll/fallback.py"
assert fastpoll.Flag.__bases__[0] is _fastpoll.Flag
assert _fastpoll.disable_irq is machine.disable_irq  # the board's, not the no-op fallback
N = 251
c = fastpoll.Counter()
fired = [0]
def isr(t):
    if fired[0] < N:
        fired[0] += 1
        c.add()
async def main():
    t = machine.Timer(-1, freq=1000, callback=isr, hard=True)
    got = 0
    while got < N:
        got += await asyncio.wait_for_ms(c.wait(), 1000)
    await asyncio.sleep_ms(20)
    t.deinit()
    return got
got = asyncio.run(main())
assert got == N == fired[0] and c.value() == 0, (got, fired[0], c.value())
print("counted", got, "of", fired[0])
""", mip_files("fastpoll.json"))
    assert "counted 251 of 251" in out
