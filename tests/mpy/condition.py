# Condition: notify/notify_all/wait_for, FIFO wake order, cancellation, timeouts.
import asyncio

from asyn import Condition, Lock
from testkit import finish, raises


async def waiter(cond, name, trace):
    async with cond:
        await cond.wait()
        assert cond.locked()
        trace.append(name)


async def main():
    cond = Condition()
    assert not cond.locked()
    raises(RuntimeError, cond.notify)
    try:
        await cond.wait()
        raise AssertionError("wait without the lock")
    except RuntimeError:
        pass

    trace = []
    tasks = [asyncio.create_task(waiter(cond, i, trace)) for i in range(5)]
    await asyncio.sleep_ms(10)
    async with cond:
        cond.notify()
    await asyncio.sleep_ms(10)
    assert trace == [0], trace
    async with cond:
        cond.notify(2)
    await asyncio.sleep_ms(10)
    assert trace == [0, 1, 2], trace
    async with cond:
        cond.notify_all()
    await finish(tasks)
    assert trace == [0, 1, 2, 3, 4], trace
    # Notifying nobody is not remembered for later waiters.
    async with cond:
        cond.notify(3)
    task = asyncio.create_task(waiter(cond, "late", trace))
    await asyncio.sleep_ms(10)
    assert not task.done()
    async with cond:
        cond.notify()
    await task

    # A shared lock; wait_for(predicate).
    lock = Lock()
    cond = Condition(lock)
    box = []

    async def consumer():
        async with cond:
            return await cond.wait_for(lambda: box)

    task = asyncio.create_task(consumer())
    await asyncio.sleep_ms(5)
    async with lock:
        cond.notify()  # woken, predicate still false: waits again
    await asyncio.sleep_ms(5)
    assert not task.done()
    async with cond:
        box.append(1)
        cond.notify()
    assert await task == [1]

    # Cancelled while notified but before it ran: the turn goes to the next waiter.
    cond = Condition()
    trace = []
    tasks = [asyncio.create_task(waiter(cond, i, trace)) for i in range(3)]
    await asyncio.sleep_ms(10)
    async with cond:
        cond.notify()
        tasks[0].cancel()
    await asyncio.sleep_ms(10)
    assert trace == [1], trace
    tasks[1].cancel()  # already done
    tasks[2].cancel()  # cancelled while waiting
    await finish(tasks)
    assert cond._nwait == 0 and cond._turns == 0 and not cond.locked()

    # wait_for timeout: the waiter leaves with the lock held again, then releases it.
    async def timed():
        async with cond:
            try:
                await asyncio.wait_for_ms(cond.wait(), 20)
            except asyncio.TimeoutError:
                assert cond.locked()
                return "timeout"

    assert await timed() == "timeout"
    assert not cond.locked() and cond._nwait == 0

    # Only the task holding the lock may wait: another gets a RuntimeError and the holder
    # keeps the lock.
    async def intruder():
        try:
            await cond.wait()
        except RuntimeError:
            return "refused"

    async with cond:
        assert await asyncio.wait_for_ms(intruder(), 1000) == "refused"
        assert cond.locked() and cond.lock.owner is asyncio.current_task()
        assert cond._nwait == 0
    assert not cond.locked()

    # wait_for() runs the coroutine in a helper task, lent the caller's lock; notified in
    # time, the caller holds the lock again and releases it.
    async def notifier():
        async with cond:
            box.append(2)
            cond.notify()

    box = []
    async with cond:
        asyncio.create_task(notifier())
        assert await asyncio.wait_for_ms(cond.wait(), 1000) is True
        assert cond.locked() and box == [2]
    assert not cond.locked()
    box = []
    async with cond:
        asyncio.create_task(notifier())
        assert await asyncio.wait_for_ms(cond.wait_for(lambda: box), 1000) == [2]
    assert not cond.locked() and cond._nwait == 0


asyncio.run(main())
print("condition ok")
