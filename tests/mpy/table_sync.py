# Hinch's TUTORIAL.md 3 (Queue, Semaphore, BoundedSemaphore, Barrier, Condition), THREADING.md
# (Message) and DRIVERS.md 9 (Broker) as rows: each documented behaviour, and cancellation at
# each await (a cancelled waiter takes nothing and passes its turn on).
import asyncio

from primitives import (
    Barrier,
    BoundedSemaphore,
    Broker,
    Condition,
    Queue,
    RegExp,
    RingbufQueue,
    Semaphore,
)
from testkit import raises, times_out
from threadsafe import Message


async def cancelled(task):
    await asyncio.sleep_ms(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        return
    raise AssertionError("not cancelled")


async def queue_rows():
    q = Queue(2)
    assert q.empty() and not q.full() and q.qsize() == 0
    q.put_nowait(1)
    await q.put(2)
    assert q.full() and q.qsize() == 2
    raises(Exception, q.put_nowait, 3)  # QueueFull
    blocked = asyncio.create_task(q.put(3))
    await asyncio.sleep_ms(10)
    assert not blocked.done()
    assert await q.get() == 1  # FIFO; the blocked put() goes in now
    await asyncio.wait_for_ms(blocked, 1000)
    assert [q.get_nowait(), q.get_nowait()] == [2, 3]
    raises(Exception, q.get_nowait)  # QueueEmpty
    # Cancelled at get() and at put(): nothing taken, nothing put.
    await cancelled(asyncio.create_task(q.get()))
    q.put_nowait("a")
    assert q.get_nowait() == "a"
    q.put_nowait(1)
    q.put_nowait(2)
    await cancelled(asyncio.create_task(q.put(9)))
    assert [q.get_nowait(), q.get_nowait()] == [1, 2] and q.empty()
    # join() waits for a task_done() per item put.
    q = Queue()
    q.put_nowait(1)
    q.get_nowait()
    await times_out(q.join(), 20)
    q.task_done()
    await asyncio.wait_for_ms(q.join(), 1000)


async def semaphore_rows():
    for cls in (Semaphore, BoundedSemaphore):
        s = cls(2)
        await s.acquire()
        async with s:
            assert s.locked()
            waiter = asyncio.create_task(s.acquire())
            await asyncio.sleep_ms(10)
            assert not waiter.done()
        await asyncio.wait_for_ms(waiter, 1000)  # the release on leaving `async with`
        # Cancelled while waiting: takes no count.
        await cancelled(asyncio.create_task(s.acquire()))
        s.release()
        s.release()
        assert not s.locked()
        await asyncio.wait_for_ms(s.acquire(), 1000)
        await asyncio.wait_for_ms(s.acquire(), 1000)
        s.release()
        s.release()
        if cls is BoundedSemaphore:
            raises(ValueError, s.release)  # above its initial value
        else:
            s.release()  # a plain Semaphore may go above it


async def barrier_rows():
    done = []
    b = Barrier(3, done.append, ("all",))
    arrived = []

    async def part(n):
        await b
        arrived.append(n)

    tasks = [asyncio.create_task(part(n)) for n in range(2)]
    await asyncio.sleep_ms(10)
    assert arrived == [] and b.busy()
    b.trigger()  # the third participant, without waiting
    for t in tasks:
        await asyncio.wait_for_ms(t, 1000)
    assert sorted(arrived) == [0, 1] and done == ["all"]
    # A cancelled participant does not count as arrived (ours; docs/compat-v3.md).
    arrived.clear()
    tasks = [asyncio.create_task(part(n)) for n in range(2)]
    await asyncio.sleep_ms(10)
    await cancelled(tasks.pop())
    b.trigger()
    await asyncio.sleep_ms(10)
    assert arrived == [] and done == ["all"]
    b.trigger()
    await asyncio.wait_for_ms(tasks[0], 1000)
    assert arrived == [0] and done == ["all", "all"]


async def condition_rows():
    c = Condition()
    woke = []

    async def waiter(n):
        async with c:
            await c.wait()
            woke.append(n)

    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep_ms(10)
    async with c:
        c.notify(1)
    await asyncio.sleep_ms(10)
    assert woke == [0]  # in the order they waited (ours; docs/compat-v3.md)
    await cancelled(tasks[1])  # cancelled at wait(): woken by nothing, passes its turn on
    async with c:
        c.notify(1)
    await asyncio.wait_for_ms(tasks[2], 1000)
    assert woke == [0, 2]
    # wait_for(predicate): until it holds after a notify.
    box = []

    async def until():
        async with c:
            await c.wait_for(lambda: box)
            return box[0]

    t = asyncio.create_task(until())
    async with c:
        c.notify_all()
    await asyncio.sleep_ms(10)
    assert not t.done()
    box.append(5)
    async with c:
        c.notify_all()
    assert await asyncio.wait_for_ms(t, 1000) == 5


async def message_rows():
    m = Message()
    assert not m.is_set()
    t = asyncio.create_task(m.wait())
    await asyncio.sleep_ms(10)
    m.set(3)
    assert await asyncio.wait_for_ms(t, 1000) == 3
    assert m.is_set() and m.value() == 3
    assert await m == 3  # set: returns at once
    m.clear()
    assert not m.is_set()
    await cancelled(asyncio.create_task(m.wait()))
    m.set(4)
    got = []

    async def reader():
        async for v in m:
            got.append(v)
            m.clear()
            if v == 5:
                return

    r = asyncio.create_task(reader())
    await asyncio.sleep_ms(10)
    m.set(5)
    await asyncio.wait_for_ms(r, 1000)
    assert got == [4, 5], got


async def broker_rows():
    br = Broker()
    calls = []
    ev = asyncio.Event()
    rq = RingbufQueue(4)
    q = Queue(1)
    br.subscribe("t", lambda topic, msg, *a: calls.append((topic, msg) + a), 1)
    br.subscribe("t", ev)
    br.subscribe("t", rq)
    br.subscribe("t", q, "x")
    br.subscribe(RegExp("^w_.*"), rq)

    async def coro(topic, msg):
        calls.append(("coro", msg))

    br.subscribe("c", coro)
    br.publish("t", 7)
    assert calls == [("t", 7, 1)] and ev.is_set()
    assert rq.get_nowait() == ("t", 7) and q.get_nowait() == ("t", 7, ("x",))
    br.publish("w_any", 8)  # a wildcard subscription
    assert rq.get_nowait() == ("w_any", 8)
    br.publish("nobody", 1)  # no subscriber: silently lost
    br.publish("c", 9)
    await asyncio.sleep_ms(10)
    assert calls[-1] == ("coro", 9)
    br.publish("t", 1)
    br.publish("t", 2)  # q (size 1) full: the overflowing message is lost
    assert q.get_nowait() == ("t", 1, ("x",)) and q.empty()
    br.unsubscribe("t", q, "x")
    br.publish("t", 3)
    assert q.empty()
    raises(ValueError, br.subscribe, "t", 5)  # not an agent


async def main():
    await queue_rows()
    await semaphore_rows()
    await barrier_rows()
    await condition_rows()
    await message_rows()
    await broker_rows()


asyncio.run(main())
print("table sync ok")
