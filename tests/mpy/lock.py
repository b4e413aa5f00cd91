# asyn.Lock: asyncio's Lock that knows its owner; FIFO waiters, cancellation, timeouts.
import asyncio

import asyn
import primitives
from testkit import times_out

assert asyn.Lock is primitives.Lock


async def holder(lock, name, trace, hold_ms=5):
    async with lock:
        trace.append(name)
        await asyncio.sleep_ms(hold_ms)


async def expect_error(exc_type, func):
    try:
        func()
    except exc_type as e:
        return str(e)
    raise AssertionError("no " + exc_type.__name__)


async def main():
    lock = asyn.Lock()
    # Basic methods.
    assert not lock.locked()
    assert await lock.acquire() is True
    assert lock.locked() and lock.owner is asyncio.current_task()
    lock.release()
    assert not lock.locked() and lock.owner is None
    # Releasing an unlocked lock, or one another task holds, is a clear error.
    assert "not acquired" in await expect_error(RuntimeError, lock.release)
    await lock.acquire()
    other = asyncio.create_task(expect_error(RuntimeError, lock.release))
    assert "does not hold" in await other
    assert lock.locked()  # the failed release changed nothing
    lock.release()

    # FIFO: waiters get the lock in the order they asked for it.
    trace = []
    await lock.acquire()
    tasks = [asyncio.create_task(holder(lock, i, trace)) for i in range(6)]
    await asyncio.sleep_ms(10)
    lock.release()
    for t in tasks:
        await t
    assert trace == list(range(6)), trace
    assert not lock.locked()

    # Cancelled while waiting: the others still get it, in order.
    trace = []
    await lock.acquire()
    tasks = [asyncio.create_task(holder(lock, i, trace)) for i in range(4)]
    await asyncio.sleep_ms(10)
    tasks[1].cancel()
    lock.release()
    # Cancelled after the lock was handed to it but before it ran: passed on, not lost.
    await asyncio.sleep_ms(0)
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            pass
    assert trace == [0, 2, 3], trace
    assert not lock.locked()

    trace = []
    await lock.acquire()
    tasks = [asyncio.create_task(holder(lock, i, trace)) for i in range(3)]
    await asyncio.sleep_ms(10)
    lock.release()  # hands it to task 0, which has not run yet
    tasks[0].cancel()
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            pass
    assert trace == [1, 2], trace
    assert not lock.locked()

    # Cancelled while holding it inside `async with`: released on the way out.
    task = asyncio.create_task(holder(lock, "x", [], hold_ms=1000))
    await asyncio.sleep_ms(10)
    assert lock.locked()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    assert not lock.locked()

    # wait_for: a timeout leaves the lock consistent and the waiter gone.
    await lock.acquire()
    await times_out(lock.acquire())
    lock.release()
    assert not lock.locked()
    # wait_for() acquires in a helper task, which has finished: its caller may release.
    assert await asyncio.wait_for_ms(lock.acquire(), 100) is True
    assert lock.locked() and lock.owner.done()
    lock.release()
    assert not lock.locked()


asyncio.run(main())
print("lock ok")
