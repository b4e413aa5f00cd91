# Barrier: rounds, reuse, callback (function or coroutine), cancellation, timeouts.
import asyncio

from asyn import Barrier
from testkit import times_out


async def party(barrier, name, rounds, trace):
    for r in range(rounds):
        trace.append((r, name, "arrive"))
        await barrier
        trace.append((r, name, "leave"))


async def main():
    calls = []
    barrier = Barrier(3, calls.append, ("tripped",))
    trace = []
    tasks = [asyncio.create_task(party(barrier, n, 4, trace)) for n in range(3)]
    for t in tasks:
        await t
    # Reusable: in each of 4 rounds nobody left before everyone had arrived.
    for r in range(4):
        events = [e for e in trace if e[0] == r]
        last_arrive = max(i for i, e in enumerate(events) if e[2] == "arrive")
        first_leave = min(i for i, e in enumerate(events) if e[2] == "leave")
        assert last_arrive < first_leave, events
    assert calls == ["tripped"] * 4, calls
    assert barrier.result() is None and not barrier.busy()

    # trigger() counts an arrival without waiting; a coroutine callback runs as a task.
    done = asyncio.Event()

    async def cb(x):
        done.set()
        return x * 2

    barrier = Barrier(2, cb, (21,))
    assert barrier.trigger() is False and barrier.busy()
    assert barrier.trigger() is True and not barrier.busy()
    assert await barrier.result() == 42
    assert done.is_set()

    # A cancelled waiter's arrival is withdrawn: the round still needs every party.
    barrier = Barrier(3)
    a = asyncio.create_task(barrier.wait())
    b = asyncio.create_task(barrier.wait())
    await asyncio.sleep_ms(5)
    assert barrier._count == 2
    a.cancel()
    await asyncio.sleep_ms(5)
    assert barrier._count == 1 and not b.done()
    c = asyncio.create_task(barrier.wait())
    await asyncio.sleep_ms(5)
    assert not b.done()
    await barrier  # third party: the round completes
    await b
    await c
    assert not barrier.busy()

    # Cancelled after the round completed but before it ran: it passed, nothing withdrawn.
    barrier = Barrier(2)
    a = asyncio.create_task(barrier.wait())
    await asyncio.sleep_ms(5)
    assert barrier.trigger()
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        pass
    assert barrier._count == 0

    # wait_for on a barrier that never completes.
    barrier = Barrier(2)
    await times_out(barrier.wait())
    assert not barrier.busy()


asyncio.run(main())
print("barrier ok")
