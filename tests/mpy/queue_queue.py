# Queue: every method, FIFO items and waiters, cancellation, timeouts; also as uasyncio.queues.
import asyncio

import primitives
from testkit import finish, raises, times_out
from uasyncio.queues import Queue, QueueEmpty, QueueFull

assert Queue is primitives.Queue


async def getter(q, name, trace):
    trace.append((name, await q.get()))


async def putter(q, item, trace):
    await q.put(item)
    trace.append(item)


async def main():
    q = Queue()
    assert q.empty() and not q.full() and q.qsize() == 0
    raises(QueueEmpty, q.get_nowait)
    for i in range(100):  # unbounded
        q.put_nowait(i)
    assert q.qsize() == 100 and not q.full()
    assert [q.get_nowait() for _ in range(100)] == list(range(100))

    q = Queue(2)
    await q.put("a")
    q.put_nowait("b")
    assert q.full()
    raises(QueueFull, q.put_nowait, "c")
    assert await q.get() == "a" and q.get_nowait() == "b" and q.empty()

    # Waiting getters are served in order; a cancelled one (waiting or woken) loses nothing.
    trace = []
    tasks = [asyncio.create_task(getter(q, n, trace)) for n in range(5)]
    await asyncio.sleep_ms(5)
    tasks[1].cancel()
    q.put_nowait(10)  # woken: getter 0
    tasks[0].cancel()  # before it ran: the item goes to getter 2
    await asyncio.sleep_ms(5)
    for i in (11, 12):
        await q.put(i)
    await finish(tasks)
    assert trace == [(2, 10), (3, 11), (4, 12)], trace
    assert q.empty()

    # Waiting putters are served in order when space appears.
    q = Queue(1)
    q.put_nowait("x")
    trace = []
    tasks = [asyncio.create_task(putter(q, i, trace)) for i in range(4)]
    await asyncio.sleep_ms(5)
    tasks[2].cancel()
    got = []
    for _ in range(4):
        got.append(await q.get())
        await asyncio.sleep_ms(2)
    await finish(tasks)
    assert got == ["x", 0, 1, 3], got
    assert trace == [0, 1, 3], trace

    # Timeouts on get and put.
    q = Queue(1)
    await times_out(q.get())
    q.put_nowait(1)
    await times_out(q.put(2))
    assert q.qsize() == 1 and await asyncio.wait_for_ms(q.get(), 100) == 1
    assert await asyncio.wait_for_ms(q.put(3), 100) is None and q.get_nowait() == 3


asyncio.run(main())
print("queue_queue ok")
