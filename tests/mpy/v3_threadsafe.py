# Hinch v3's threadsafe package: ThreadSafeEvent, Message and ThreadSafeQueue, set or fed with
# the heap locked (as from a hard IRQ), several waiters, async for, cancellation.
import asyncio

import micropython
from testkit import raises, times_out
from threadsafe import Message, ThreadSafeEvent, ThreadSafeQueue


def in_irq(func, arg=None):
    # As in a hard IRQ handler: anything allocating raises MemoryError. (A call with *args
    # would allocate by itself.)
    micropython.heap_lock()
    try:
        if arg is None:
            func()
        else:
            func(arg)
    finally:
        micropython.heap_unlock()


async def event():
    ev = ThreadSafeEvent()
    assert isinstance(ev, asyncio.Event) and not ev.is_set()
    woken = []

    async def waiter(n):
        await ev.wait()
        woken.append(n)

    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep_ms(10)
    assert woken == []
    in_irq(ev.set)
    assert ev.is_set()
    await asyncio.wait_for_ms(asyncio.gather(*tasks), 1000)
    assert sorted(woken) == [0, 1, 2]
    await asyncio.wait_for_ms(ev.wait(), 100)  # still set until cleared
    ev.clear()
    assert not ev.is_set()
    await times_out(ev.wait())

    # The task relaying for the others is cancelled: the others still wake.
    woken.clear()
    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep_ms(10)
    tasks[0].cancel()
    await asyncio.sleep_ms(10)
    in_irq(ev.set)
    await asyncio.wait_for_ms(asyncio.gather(*tasks[1:]), 1000)
    assert sorted(woken) == [1, 2], woken
    ev.clear()
    # Set before anyone waits: the next wait() returns at once.
    in_irq(ev.set)
    await asyncio.wait_for_ms(ev.wait(), 100)


async def message():
    msg = Message()
    data = [1, 2]
    got = []

    async def reader(n):
        got.append((n, await msg))

    tasks = [asyncio.create_task(reader(n)) for n in range(2)]
    await asyncio.sleep_ms(10)
    in_irq(msg.set, data)
    await asyncio.wait_for_ms(asyncio.gather(*tasks), 1000)
    assert sorted(got) == [(0, data), (1, data)] and msg.value() is data
    assert msg.is_set() and await msg.wait() is data
    msg.clear()

    async def loop(n):
        values = []
        async for v in msg:
            values.append(v)
            msg.clear()
            if len(values) == n:
                return values

    task = asyncio.create_task(loop(3))
    for v in "abc":
        await asyncio.sleep_ms(10)
        msg.set(v)
    assert await asyncio.wait_for_ms(task, 1000) == ["a", "b", "c"]
    msg.set()
    assert await msg is None


async def queue():
    q = ThreadSafeQueue(4)  # holds 3
    assert q.empty() and q.qsize() == 0 and not q.full()
    raises(IndexError, q.get_sync)
    for i in range(3):
        in_irq(q.put_sync, i)
    assert q.full() and q.qsize() == 3
    e = raises(IndexError, in_irq, q.put_sync, 9)  # never overwrites; allocates nothing
    assert raises(IndexError, in_irq, q.put_sync, 9) is e  # the pre-made one
    assert raises(IndexError, q.put_sync, 9) is not e  # a fresh one: the heap stays flat
    assert [q.get_sync(), q.get_sync()] == [0, 1]

    async def consumer(n):
        values = []
        async for v in q:
            values.append(v)
            if len(values) == n:
                return values

    task = asyncio.create_task(consumer(3))
    await asyncio.sleep_ms(5)
    in_irq(q.put_sync, 3)
    await asyncio.sleep_ms(5)
    in_irq(q.put_sync, 4)
    assert await asyncio.wait_for_ms(task, 1000) == [2, 3, 4]
    # put() waits for room, which get_sync() (here, another context) makes.
    q = ThreadSafeQueue([0] * 2)  # holds 1
    await q.put("a")
    putter = asyncio.create_task(q.put("b"))
    await asyncio.sleep_ms(10)
    assert not putter.done()
    assert q.get_sync() == "a"
    await asyncio.wait_for_ms(putter, 1000)
    assert await q.get() == "b"
    await times_out(q.get())  # cancelled by the timeout; the queue is usable again
    q.put_sync("c")
    assert await asyncio.wait_for_ms(q.get(), 100) == "c"


async def main():
    await event()
    await message()
    await queue()


asyncio.run(main())
print("v3_threadsafe ok")
