# RingbufQueue: pre-allocated, overwrites the oldest, put_nowait() safe with the heap locked
# (as in a hard IRQ), one reader with get() or async for, waiting putters, timeouts.
import asyncio

import micropython
from testkit import raises, times_out
from uasyncio.queues import RingbufQueue


async def main():
    q = RingbufQueue(4)  # holds 3
    assert q.empty() and q.qsize() == 0 and not q.full()
    raises(IndexError, q.get_nowait)
    assert q.put_nowait(1) is None
    assert q.peek() == 1
    q.put_nowait(2)
    q.put_nowait(3)
    assert q.full() and q.qsize() == 3
    e = raises(IndexError, q.put_nowait, 4)  # full: 1 is dropped, as Hinch's v3 does
    assert [q.get_nowait() for _ in range(3)] == [2, 3, 4] and q.empty()
    for i in range(3):
        q.put_nowait(i)
    assert raises(IndexError, q.put_nowait, 4) is not e  # fresh: a reused one would grow
    assert [q.get_nowait() for _ in range(3)] == [1, 2, 4]

    # As from a hard IRQ: nothing may be allocated.
    micropython.heap_lock()
    try:
        for i in range(10):
            try:
                q.put_nowait(i)
            except IndexError:
                pass
    finally:
        micropython.heap_unlock()
    assert [q.get_nowait() for _ in range(3)] == [7, 8, 9]

    # An IRQ's put_nowait() nested in a task's, here inside the task's store into the buffer
    # (unix's disable_irq() blocks nothing): both items are kept, in the order the puts began,
    # also when each drops the oldest.
    class IrqOnStore:
        def __init__(self, n):
            self.items = [None] * n
            self.armed = False  # the next store is interrupted by an IRQ's put

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            return self.items[i]

        def __setitem__(self, i, item):
            if self.armed:
                self.armed = False
                try:
                    q.put_nowait("isr")
                except IndexError:
                    pass
            self.items[i] = item

    buf = IrqOnStore(3)  # holds 2
    q = RingbufQueue(buf)
    buf.armed = True
    await q.put("task")
    assert not buf.armed and q.full() and q.peek() == "task"
    assert [q.get_nowait(), q.get_nowait()] == ["task", "isr"] and q.empty()
    q.put_nowait("a")
    q.put_nowait("b")
    buf.armed = True
    raises(IndexError, q.put_nowait, "task")  # drops "a"; the IRQ's put drops "b"
    assert not buf.armed and q.qsize() == 2
    assert [q.get_nowait(), q.get_nowait()] == ["task", "isr"] and q.empty()

    # An IRQ's put_nowait() landing after put()'s wait ended and before its store takes the
    # free slot: put() waits again instead of dropping the oldest item (issue 10 (b)).
    import primitives.ringbuf_queue as rq

    q = RingbufQueue(3)  # holds 2
    q.put_nowait("old1")
    q.put_nowait("old2")
    putter = asyncio.create_task(q.put("task"))
    await asyncio.sleep_ms(5)
    assert not putter.done()
    real_enable = rq.enable_irq
    armed = [False]

    def enable_then_irq(state=0):
        real_enable(state)
        if armed[0]:  # the next critical section to end: the putter's readiness check
            armed[0] = False
            q.put_nowait("isr")

    rq.enable_irq = enable_then_irq
    try:
        assert q.get_nowait() == "old1"
        armed[0] = True
        await asyncio.sleep_ms(5)
    finally:
        rq.enable_irq = real_enable
    assert not armed[0], "the IRQ never fired"
    assert q.peek() == "old2" and q.qsize() == 2
    assert not putter.done()  # still waiting: nothing dropped
    assert q.get_nowait() == "old2"
    await asyncio.wait_for_ms(putter, 100)
    assert [q.get_nowait(), q.get_nowait()] == ["isr", "task"]

    q = RingbufQueue(4)
    # A waiting reader wakes on put_nowait; async for reads in order.
    async def reader(n, got):
        async for item in q:
            got.append(item)
            if len(got) == n:
                return got

    got = []
    task = asyncio.create_task(reader(5, got))
    await asyncio.sleep_ms(5)
    assert got == []
    for i in range(5):
        q.put_nowait(i)
        await asyncio.sleep_ms(2)
    assert await task == [0, 1, 2, 3, 4]

    # One reader at a time: a second is a clear error, not a lost wake-up.
    first = asyncio.create_task(q.get())
    await asyncio.sleep_ms(5)
    try:
        await q.get()
        raise AssertionError("no RuntimeError")
    except RuntimeError:
        pass
    q.put_nowait("x")
    assert await first == "x"

    # put() waits for room (FIFO), get() makes it.
    for i in range(3):
        await q.put(i)
    order = []

    async def putter(v):
        await q.put(v)
        order.append(v)

    tasks = [asyncio.create_task(putter(v)) for v in "ab"]
    await asyncio.sleep_ms(5)
    assert order == []
    got = []
    for _ in range(5):
        got.append(await q.get())
    assert got == [0, 1, 2, "a", "b"], got
    for t in tasks:
        await t
    assert order == ["a", "b"]

    # A given buffer is used as is; timeouts leave no reader behind.
    buf = [None] * 3
    q = RingbufQueue(buf)
    q.put_nowait("y")
    assert buf[0] == "y" and q.get_nowait() == "y"
    await times_out(q.get())
    assert not q._reading
    q.put_nowait(1)
    q.put_nowait(2)
    await times_out(q.put(3))
    assert await asyncio.wait_for_ms(q.get(), 100) == 1


asyncio.run(main())
print("queue_ringbuf ok")
