# Event (asyncio's), WaitAny and WaitAll: many waiters, nesting, cancellation, timeouts.
import asyncio

import asyn
import primitives
from testkit import times_out

assert asyn.Event is primitives.Event is asyncio.Event


async def waiter(ev, name, trace):
    await ev.wait()
    trace.append(name)


async def main():
    ev = asyn.Event()
    trace = []
    tasks = [asyncio.create_task(waiter(ev, i, trace)) for i in range(5)]
    await asyncio.sleep_ms(5)
    tasks[3].cancel()  # a cancelled waiter leaves the others alone
    ev.set()
    assert ev.is_set()
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            pass
    assert trace == [0, 1, 2, 4], trace
    ev.clear()
    assert not ev.is_set()
    await times_out(ev.wait())

    # WaitAny returns the event that fired; the watcher tasks are all cancelled.
    a, b, c = asyn.Event(), asyn.Event(), asyn.Event()
    any_ = asyn.WaitAny((a, b, c))
    task = asyncio.create_task(any_.wait())
    await asyncio.sleep_ms(5)
    b.set()
    assert await task is b and any_.event() is b
    assert not a.waiting.peek() and not c.waiting.peek()
    any_.clear()
    assert not b.is_set()

    # WaitAll waits for every event; the order of setting does not matter.
    all_ = asyn.WaitAll((a, b, c))
    task = asyncio.create_task(all_.wait())
    for e in (c, a):
        e.set()
        await asyncio.sleep_ms(5)
        assert not task.done()
    b.set()
    await task
    all_.clear()
    assert not (a.is_set() or b.is_set() or c.is_set())

    # Nesting: any of (a, all of (b, c)).
    nested = asyn.WaitAny((a, asyn.WaitAll((b, c))))
    task = asyncio.create_task(nested.wait())
    b.set()
    await asyncio.sleep_ms(5)
    assert not task.done()
    c.set()
    assert await task is nested.events[1]

    # Timeouts: the watchers are cancelled and nothing is left waiting.
    a.clear()
    b.clear()
    c.clear()
    for w in (asyn.WaitAny((a, b)), asyn.WaitAll((a, b))):
        await times_out(w.wait())
        await asyncio.sleep_ms(0)
        assert not a.waiting.peek() and not b.waiting.peek()


asyncio.run(main())
print("event_waitany_waitall ok")
