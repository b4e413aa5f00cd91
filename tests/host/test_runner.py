"""The runners are strict: a script whose only failure is printed, not raised (an assert in a
task nobody awaits, an exception in a hard IRQ handler), fails on unix, on qemu and through
the board runner (boardtest, on the qemu build); the same script without the fault passes, so
the fault is what fails it. Every runner (test_mpy, test_docs, boardtest, mpyrun's command
line) judges a run with the one function mpyrun.failure()."""

import os

import pytest
from hostlib import mpyrun
from hosttools import BUILD, mpy_dir, script

END = "probe ran to its end"

# Each probe runs to its end whatever FAULT is: its only failure is the one it prints.
PROBES = {
    # The worker's assert fails; asyncio prints "Task exception wasn't retrieved" and main goes on.
    "task": """
import asyncio

async def worker():
    await asyncio.sleep_ms(1)
    assert not FAULT, "probe: failed in a task nobody awaits"

async def main():
    asyncio.create_task(worker())
    await asyncio.sleep_ms(20)

asyncio.run(main())
""",
    # A hard pin handler allocates (the heap is locked: MemoryError) at the edge; as on the
    # board, the line is disabled, and the script goes on.
    "pin_irq": """
import fakeboard
from machine import Pin

pin = Pin("X1", Pin.IN, Pin.PULL_UP)
calls = bytearray(1)

def handler(p):
    calls[0] += 1
    if FAULT:
        [p]

pin.irq(handler, Pin.IRQ_FALLING, hard=True)
fakeboard.level(pin, 0)
fakeboard.level(pin, 1)
fakeboard.level(pin, 0)
assert calls[0] == (1 if FAULT else 2), calls[0]
assert (fakeboard.irq_of(pin) is None) == FAULT
""",
    # The USR switch's callback is a hard IRQ too: one that allocates is disabled.
    "switch_irq": """
import fakeboard
import pyb
from machine import Pin

sw = pyb.Switch()
calls = bytearray(1)

def handler():
    calls[0] += 1
    if FAULT:
        [calls]

sw.callback(handler)
for _ in range(2):
    fakeboard.level(Pin("SW"), 0)
    fakeboard.level(Pin("SW"), 1)
assert calls[0] == (1 if FAULT else 2), calls[0]
""",
}
# qemu only: a real interrupt (irqsim's timer, at NVIC priority) whose handler raises.
QEMU_PROBES = {
    "timer_irq": """
import time
import irqsim

def handler(t):
    if FAULT:
        1 // 0

t = irqsim.Timer(2000, handler)
t0 = time.ticks_ms()
while t.count() < 3 and time.ticks_diff(time.ticks_ms(), t0) < 100:
    pass
if not FAULT:
    t.deinit()
time.sleep_ms(20)
t.deinit()
assert t.count() == 1 if FAULT else t.count() >= 3, t.count()  # the exception stopped it
""",
}
ALL = dict(PROBES, **QEMU_PROBES)
MARK = {"task": "Task exception wasn't retrieved", "pin_irq": "uncaught exception",
        "switch_irq": "uncaught exception", "timer_irq": "uncaught exception"}


def source(kind, fault):
    return "FAULT = {}\n{}print({!r})\n".format(fault, ALL[kind], END)


def cases():
    for kind in sorted(ALL):
        for target in ["unix", "qemu"]:
            if target == "qemu" or kind in PROBES:
                yield kind, target


@pytest.mark.parametrize("kind,target", list(cases()))
def test_probe_fails_only_for_its_fault(targets, kind, target, tmp_path):
    fine = mpyrun.run_source(target, targets[target], source(kind, False), str(tmp_path), "a.py")
    assert fine.ok, fine.reason + "\n" + fine.output + fine.error
    bad = mpyrun.run_source(target, targets[target], source(kind, True), str(tmp_path), "b.py")
    assert END in bad.output, bad.output + bad.error  # it ran to its end, exit status 0
    assert not bad.ok, bad.output
    assert MARK[kind].lower() in bad.reason.lower(), bad.reason


@pytest.mark.parametrize("kind", sorted(ALL))
def test_board_runner_fails_each_probe(targets, kind, tmp_path):
    for fault in (False, True):
        path = tmp_path / "probe_{}.py".format(kind)
        path.write_text(source(kind, fault))
        proc = script("boardtest", "--port", "qemu", "--build", BUILD, str(path),
                      env=dict(os.environ, MPY_DIR=mpy_dir()))
        out = proc.stdout + proc.stderr
        if not fault:
            assert proc.returncode == 0 and "ok   probe_" in out, out
        else:
            assert proc.returncode == 1, out
            assert "FAIL probe_{}.py: printed a failure: ".format(kind) in out, out
            assert MARK[kind].lower() in out.lower(), out
            assert out.strip().endswith("0 passed, 1 failed"), out


@pytest.mark.parametrize("text", [
    "Task exception wasn't retrieved\nfuture: <Task> coro= <generator>\n",
    "uncaught exception in ExtInt interrupt handler line 1\nValueError: x\n",
    "Uncaught exception in IRQ callback handler\n",
    "Traceback (most recent call last):\n  File \"<stdin>\", line 1\nAssertionError:\n",
    "Unhandled exception in thread started by <function>\n",
])
@pytest.mark.parametrize("stream", ["output", "error"])
def test_failure_marks_on_either_stream(text, stream):
    # The unix port prints asyncio's report on stderr, qemu's raw REPL on the one stream.
    out, err = ("ok\n" + text, "") if stream == "output" else ("ok\n", text)
    assert mpyrun.failure(0, out, err), text
    assert mpyrun.failure(0, "ok\n") is None
    assert mpyrun.failure(1, "ok\n") == "exit status 1"
