# The tutorial's Lock and Event demos: run() runs them, checks what happened and returns it.
import asyncio

import asyn


async def _locked_worker(lock, name, trace):
    async with lock:
        trace.append(name + " in")
        await asyncio.sleep_ms(10)  # holding the lock across a pause
        trace.append(name + " out")


async def lock_demo():
    """Three tasks share a Lock: their critical sections never overlap, in arrival order."""
    lock = asyn.Lock()
    trace = []
    tasks = [asyncio.create_task(_locked_worker(lock, n, trace)) for n in "abc"]
    for t in tasks:
        await t
    assert trace == ["a in", "a out", "b in", "b out", "c in", "c out"], trace
    assert not lock.locked()
    return trace


async def _event_waiter(event, name, woken):
    await event.wait()
    woken.append(name)


async def event_demo():
    """Several tasks wait on one Event; one set() releases them all."""
    event = asyn.Event()
    woken = []
    tasks = [asyncio.create_task(_event_waiter(event, n, woken)) for n in range(4)]
    await asyncio.sleep_ms(20)
    assert woken == []
    event.set()
    for t in tasks:
        await t
    assert woken == [0, 1, 2, 3], woken
    return woken


async def _main():
    return {"lock": await lock_demo(), "event": await event_demo()}


def run():
    return asyncio.run(_main())
