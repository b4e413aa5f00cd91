# Semaphore and BoundedSemaphore: counting, FIFO hand-over, cancellation, timeouts.
import asyncio

from asyn import BoundedSemaphore, Semaphore
from testkit import finish, raises, times_out


async def user(sem, name, trace, hold_ms=5):
    async with sem:
        trace.append(name)
        await asyncio.sleep_ms(hold_ms)


async def main():
    sem = Semaphore(2)
    assert not sem.locked()
    assert await sem.acquire() is True
    await sem.acquire()
    assert sem.locked()
    sem.release()
    sem.release()
    sem.release()  # an unbounded semaphore may go above its start value
    assert sem._count == 3
    raises(ValueError, Semaphore, -1)

    # FIFO: with the count at 0, waiters go in arrival order; later arrivals don't barge.
    sem = Semaphore(0)
    trace = []
    tasks = [asyncio.create_task(user(sem, i, trace)) for i in range(6)]
    await asyncio.sleep_ms(10)
    sem.release()
    sem.release()
    late = asyncio.create_task(user(sem, "late", trace))
    await finish(tasks + [late])
    assert trace == [0, 1, 2, 3, 4, 5, "late"], trace
    assert sem._count == 2

    # Cancelled while waiting, and cancelled after being handed a unit: counts stay exact.
    sem = Semaphore(0)
    trace = []
    tasks = [asyncio.create_task(user(sem, i, trace)) for i in range(5)]
    await asyncio.sleep_ms(10)
    tasks[2].cancel()
    sem.release()  # handed to 0
    tasks[0].cancel()  # before 0 ran: its unit goes to 1
    await finish(tasks)
    # The one unit went round the live waiters in order and came back.
    assert trace == [1, 3, 4], trace
    assert sem._count == 1 and not sem.locked()

    # BoundedSemaphore: releasing above the start value is an error and changes nothing.
    bs = BoundedSemaphore(1)
    raises(ValueError, bs.release)
    await bs.acquire()
    bs.release()
    assert bs._count == 1

    # wait_for: a timed-out waiter is gone; the next release goes to a live waiter.
    sem = Semaphore(0)
    await times_out(sem.acquire())
    trace = []
    task = asyncio.create_task(user(sem, "w", trace))
    await asyncio.sleep_ms(5)
    sem.release()
    await task
    assert trace == ["w"] and sem._count == 1
    assert await asyncio.wait_for_ms(sem.acquire(), 100) is True
    assert sem._count == 0


asyncio.run(main())
print("semaphore ok")
