# uasyncio: the tutorial's event loop API on asyncio, and asyncio itself left unchanged.
import asyncio
import time

import uasyncio
from testkit import within
from uasyncio.drive import Drive as PythonDrive

# Stock asyncio users see no change: its loop has none of the tutorial's methods.
assert not hasattr(asyncio.get_event_loop(), "call_soon")
assert uasyncio.sleep_ms is asyncio.sleep_ms and uasyncio.Task is asyncio.Task
assert uasyncio.__file__.endswith("uasyncio/__init__.py"), uasyncio.__file__

import uasyncio as asyncio  # noqa: E402, F811  (the tutorial's spelling from here on)

loop = asyncio.get_event_loop(16, 16)
assert loop is asyncio.get_event_loop()
calls = []


def cb(n, *more):
    calls.append((n,) + more)


async def coro(n):
    await asyncio.sleep_ms(1)
    calls.append(("coro", n))


async def main():
    t0 = loop.time()
    # Scheduled out of order; run in time order. Ties run in the order scheduled. Times are
    # 100 ms apart: a coroutine's sleep starts when it first runs, so a stall of the process
    # shorter than that cannot move its end past the next callback.
    tasks = [
        loop.call_later_ms(300, cb, 3),
        loop.call_at(time.ticks_add(t0, 500), cb, 4),
        loop.call_later(0.1, cb, 2),
        loop.call_soon(cb, 1, "x"),
        loop.call_soon(cb, 11),
        loop.call_later_ms_(700, cb, (5, "y")),
        loop.call_at_(time.ticks_add(t0, 800), cb, (6,)),
        loop.call_soon(coro(7)),  # a coroutine object runs in the task
        loop.call_later_ms(200, coro(8)),
        loop.call_at(time.ticks_add(t0, 400), coro, 9),  # so does a coroutine function's
    ]
    cancelled = loop.call_later_ms(600, cb, "never")
    await asyncio.sleep_ms(50)
    assert cancelled.cancel()
    for t in tasks:
        await t
    # The last call is due at t0 + 800 ms; the scheduler's overhead at Pyboard-like speed: 5 ms.
    within(time.ticks_diff(loop.time(), t0), 800, 805, "the calls")
    assert calls == [(1, "x"), (11,), ("coro", 7), (2,), ("coro", 8), (3,), ("coro", 9), (4,),
                     (5, "y"), (6,)], calls
    return "done"


assert loop.run_until_complete(main()) == "done"


# A bare `yield` gives way (as asyncio.sleep_ms(0) would) in tasks of the tutorial's loop.
async def bare(name, n, trace):
    for i in range(n):
        trace.append(name)
        yield


async def bare_main():
    trace = []
    t1 = loop.create_task(bare("a", 3, trace))
    t2 = loop.create_task(bare("b", 3, trace))
    await t1
    await t2
    # Interleaved: each bare yield let the other task run.
    assert trace == ["a", "b", "a", "b", "a", "b"], trace
    # Within the main task, and alongside sleeps, locks and events.
    ev = asyncio.Event()
    loop.call_later_ms(10, ev.set)
    yield
    await asyncio.sleep_ms(1)
    yield
    await ev.wait()
    lock = asyncio.Lock()
    async with lock:
        yield
    # Cancellation still reaches a task that gives way with bare yields.
    spin_count = [0]

    async def spin():
        while True:
            spin_count[0] += 1
            yield

    t = loop.create_task(spin())
    await asyncio.sleep_ms(10)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    assert spin_count[0] > 2
    return trace


# An old-style `yield <value>` is a clear error at that line, not a hang.
async def old_style():
    yield asyncio.sleep(0)


# The trampoline that runs the loop's tasks: the firmware's C one, then its Python twin (what
# stock firmware runs), each through the same checks.
assert asyncio._Drive is not PythonDrive, "the test builds have _uasyncio"
for drive in (asyncio._Drive, PythonDrive):
    asyncio._Drive = drive
    loop.run_until_complete(bare_main())
    try:
        loop.run_until_complete(old_style())
        raise AssertionError("no TypeError")
    except TypeError as e:
        assert "await" in str(e)


# run_forever() runs until stop(); callbacks may stop it.
def stopper():
    calls.append("stop")
    loop.stop()


calls = []
loop.call_later_ms(20, cb, "before")
loop.call_later_ms(40, stopper)
loop.run_forever()
assert calls == [("before",), "stop"], calls



# Withdrawn before it ever ran (its coroutine not started): it never runs and nothing raises
# (the runner fails a run that prints "Task exception wasn't retrieved").
async def withdrawn():
    calls.clear()
    h = loop.call_later_ms(10, cb, "never")
    assert h.cancel()
    await asyncio.sleep_ms(30)
    assert calls == [] and h.done(), calls


loop.run_until_complete(withdrawn())

# A fresh loop, as tutorial programs on a soft reset do.
loop = asyncio.new_event_loop()
calls = []
loop.call_soon(cb, 1)
loop.run_until_complete(coro("fresh"))
assert calls == [(1,), ("coro", "fresh")], calls

# A coroutine function given to call_soon() runs with its arguments; its task ends with it.
calls = []
loop.run_until_complete(loop.call_soon(coro, "fn"))
assert calls == [("coro", "fn")], calls

# An awaitable that is not a coroutine runs too, as it did in uasyncio V2.
start = loop.time()
loop.run_until_complete(asyncio.sleep_ms(30))
within(time.ticks_diff(loop.time(), start), 30, 35, "sleep_ms(30)")  # 5 ms: as above
t = loop.create_task(asyncio.sleep(0))
loop.run_until_complete(t)
assert t.done()
print("compat_loop ok")
