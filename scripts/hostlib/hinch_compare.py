#!/usr/bin/env python3
"""Run Peter Hinch's own v3 test programs (v3/primitives/tests, and the usage examples of
DRIVERS.md for Keyboard, SwArray and AADC, which have no test program) on the unix test build,
once against his library (his .py sources first on sys.path) and once against ours (frozen),
and show where their outputs differ. Inputs his programs expect from a person or a wire come
from the test build's fakes: a wire between Y1 and Y2, a DAC that drives the ADC, keys pressed
on a fake matrix. Two fixes to his programs so that they run at all: broker_test gets its
missing `from primitives import Broker`, and delay_test a no-op
micropython.alloc_emergency_exception_buf (the unix port has none).

    scripts/hinch_compare.py [--hinch GIT_DIR] [--unix build/test-unix/micropython] [NAME...]

Not a test: his programs print, they do not assert, and several run for tens of seconds.
"""
import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile

from . import ROOT

MIRROR = "/work/.mirror/peterhinch+micropython-async/repo"

# Y1 (C6) and Y2 (C7) joined, as event_test's switch tests want.
WIRE_Y1_Y2 = "import machine\nmachine._WIRE.update({'C6': 'C7', 'C7': 'C6'})\n"
# The unix port has no micropython.alloc_emergency_exception_buf (delay_test calls it).
EMERGENCY_BUF = """
import micropython as _mp


class _Micropython:
    def __getattr__(self, name):
        return getattr(_mp, name)

    def alloc_emergency_exception_buf(self, n):
        pass


sys.modules["micropython"] = _Micropython()
"""
FAKE_DAC = """
import pyb
from machine import ADC


class DAC:  # DAC 1 (X5) wired to X1's ADC
    def __init__(self, *args, **kwargs):
        self._adc = ADC("X1")

    def write(self, v):
        self._adc.set_u16(v << 4)


pyb.DAC = DAC
"""
MATRIX = """
import asyncio
from keymatrix import KeyMatrix
from machine import Pin
rowpins = [Pin(p, Pin.OPEN_DRAIN, Pin.PULL_UP, value=1) for p in ("Y5", "Y6")]
colpins = [Pin(p, Pin.IN, Pin.PULL_UP) for p in ("Y1", "Y2", "Y3")]
km = KeyMatrix(rowpins, colpins)


async def keys(steps):  # (row, col, ms closed, ms after)
    await asyncio.sleep_ms(100)
    for r, c, down, up in steps:
        km.press(r, c)
        await asyncio.sleep_ms(down)
        km.release(r, c)
        await asyncio.sleep_ms(up)
"""
# Scan codes: (row 0, col 0) is 5 ... (row 1, col 2) is 0, which ends each example. A click
# of 4, a double click of 1, a long press of 3, a click then a long press of 4, a medium
# press (600 ms) of 2, a click of 0.
KEY_STEPS = ("[(0, 1, 100, 600), (1, 1, 100, 100), (1, 1, 100, 600), (0, 2, 1300, 600),"
             " (0, 1, 100, 100), (0, 1, 1300, 600), (1, 0, 600, 600), (1, 2, 100, 600)]")
KEYBOARD = MATRIX + """
from primitives import Keyboard


async def main():  # DRIVERS.md 4.4's example, keys pressed by keys()
    asyncio.create_task(keys({}))
    kp = Keyboard(rowpins, colpins)
    async for scan_code in kp:
        print(scan_code)
        if not scan_code:
            break


asyncio.run(asyncio.wait_for(main(), 20))
""".format(KEY_STEPS)
SWARRAY = MATRIX + """
from primitives.sw_array import SwArray, CLOSE, OPEN, LONG, DOUBLE, SUPPRESS


async def main(cfg):  # DRIVERS.md 4.5's example, keys pressed by keys()
    print("cfg", cfg)
    swa = SwArray(rowpins, colpins, cfg)
    asyncio.create_task(keys({}))
    try:
        async for scan_code, evt in swa:
            print(scan_code, evt)
            if not scan_code:
                break
    finally:
        swa.deinit()
        await asyncio.sleep_ms(200)


for cfg in (CLOSE | OPEN, CLOSE | OPEN | LONG | DOUBLE, CLOSE | OPEN | LONG | DOUBLE | SUPPRESS,
            CLOSE | OPEN | LONG, CLOSE | DOUBLE | SUPPRESS):
    asyncio.run(asyncio.wait_for(main(cfg), 20))
""".format(KEY_STEPS)
AADC_DOC = FAKE_DAC + """
import asyncio
from machine import ADC
from primitives import AADC

adc = ADC("X1")


async def signal():
    for v in (1000, 30000, 30500, 45000, 44000, 20000, 20500, 24000, 26000):
        adc.set_u16(v)
        await asyncio.sleep_ms(200)


async def foo():  # DRIVERS.md 5.1's example, then relative bounds (section 5)
    aadc = AADC(adc)
    asyncio.create_task(signal())
    await asyncio.sleep_ms(100)
    aadc.sense(normal=False)
    value = await aadc(25_000, 39_000)  # Wait until in range
    print('In range:', value >> 4)
    aadc.sense(normal=True)
    value = await aadc()  # Wait until out of range
    print('Out of range:', value >> 4)
    await asyncio.sleep_ms(300)  # the input moves on while nobody waits
    for _ in range(3):
        value = await aadc(2000)  # Trigger if value changes by 2000
        print('Moved:', value >> 4)


asyncio.run(asyncio.wait_for(foo(), 5))
"""
ADCTEST = FAKE_DAC + """
import asyncio
from hinchtests import adctest
try:
    asyncio.run(asyncio.wait_for(adctest.adctest(), 3))
except asyncio.TimeoutError:
    print("(3 s)")
"""

PROGRAMS = {
    "elo_test": "from hinchtests import elo_test\nelo_test.test()\n",
    "delay_test_1": EMERGENCY_BUF + "from hinchtests import delay_test\ndelay_test.test(1)\n",
    "delay_test_2": EMERGENCY_BUF + "from hinchtests import delay_test\ndelay_test.test(2)\n",
    "delay_test_3": EMERGENCY_BUF + "from hinchtests import delay_test\ndelay_test.test(3)\n",
    "delay_test_4": EMERGENCY_BUF + "from hinchtests import delay_test\ndelay_test.test(4)\n",
    "delay_test_5": EMERGENCY_BUF + "from hinchtests import delay_test\ndelay_test.test(5)\n",
    "event_test_wait": "from hinchtests import event_test\nevent_test.test_wait()\n",
    "event_test_switches_1": WIRE_Y1_Y2
    + "from hinchtests import event_test\nevent_test.test_switches(1)\n",
    "event_test_switches_0": WIRE_Y1_Y2
    + "from hinchtests import event_test\nevent_test.test_switches(0)\n",
    "broker_test": "from hinchtests import broker_test\n",
    "adctest": ADCTEST,
    "keyboard_doc": KEYBOARD,
    "swarray_doc": SWARRAY,
    "aadc_doc": AADC_DOC,
}


def export(git_dir, into):
    """His v3/primitives and v3/threadsafe as packages in into/his, his tests as into/hinchtests
    (a package of its own, so that with ours they import our primitives)."""
    for folder, dest in (("v3/primitives/", "his/primitives"),
                         ("v3/threadsafe/", "his/threadsafe"),
                         ("v3/primitives/tests/", "hinchtests")):
        names = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", "HEAD",
                                folder], capture_output=True, text=True, check=True).stdout.split()
        os.makedirs(os.path.join(into, dest), exist_ok=True)
        for name in names:
            if not name.endswith(".py"):
                continue
            text = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + name],
                                  capture_output=True, check=True).stdout
            if name.endswith("tests/broker_test.py"):
                # His program uses Broker without importing it (a NameError in both runs).
                # Imported after his own import of the instance: before it, his package would
                # give the submodule for `broker` (docs/compat-v3.md).
                line = b"from primitives import broker, Queue, RingbufQueue, RegExp\n"
                assert line in text, "broker_test.py's imports changed"
                text = text.replace(line, line + b"from primitives import Broker\n")
            with open(os.path.join(into, dest, os.path.basename(name)), "wb") as f:
                f.write(text)


def run(unix, tmp, name, lib, timeout):
    # His library: his folder before the frozen modules. Ours: only hinchtests (in tmp, the
    # working directory) is found there, so primitives and threadsafe are the frozen ones.
    head = "import sys\n"
    if lib == "his":
        head += "sys.path.insert(0, {!r})\n".format(os.path.join(tmp, "his"))
    else:
        head += "pass  # as many lines as his, so tracebacks match\n"
    path = os.path.join(tmp, "{}_{}.py".format(name, lib))
    with open(path, "w") as f:
        f.write(head + PROGRAMS[name])
    try:
        proc = subprocess.run([os.path.abspath(unix), path], capture_output=True,
                              timeout=timeout, cwd=tmp)
        out = proc.stdout.decode(errors="replace") + proc.stderr.decode(errors="replace")
        if proc.returncode:
            out += "[exit {}]\n".format(proc.returncode)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace") + "[timed out after {} s]\n".format(
            timeout)
    return out.replace("\r\n", "\n").replace(tmp, "<tmp>")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hinch", default=os.environ.get("HINCH_ASYNC_GIT", MIRROR))
    parser.add_argument("--unix", default=os.path.join(ROOT, "build/test-unix/micropython"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=240)
    parser.add_argument("--context", type=int, default=1, help="lines around each difference")
    parser.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = parser.parse_args()
    names = args.names or sorted(PROGRAMS)
    for n in names:
        if n not in PROGRAMS:
            sys.exit("hinch_compare: no program {!r}; known: {}".format(n, ", ".join(PROGRAMS)))
    if not os.path.exists(args.unix):
        sys.exit("hinch_compare: no unix test build at {} (make unix)".format(args.unix))
    with tempfile.TemporaryDirectory() as tmp:
        export(args.hinch, tmp)
        jobs = [(n, lib) for n in names for lib in ("his", "ours")]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            outs = dict(zip(jobs, pool.map(lambda j: run(args.unix, tmp, j[0], j[1],
                                                         args.timeout), jobs)))
    same = 0
    for n in names:
        his, ours = outs[(n, "his")], outs[(n, "ours")]
        if his == ours:
            same += 1
            print("== {}: same output ({} lines)".format(n, his.count("\n")))
            continue
        print("!= {}: outputs differ".format(n))
        sys.stdout.writelines(difflib.unified_diff(
            his.splitlines(True), ours.splitlines(True), "his", "ours", n=args.context))
    print("{} of {} programs gave the same output".format(same, len(names)))


if __name__ == "__main__":
    main()
