# Condition over a plain asyncio.Lock (it knows no owner): notify/notify_all/wait_for hand the
# lock over as with the primitives' Lock; wait() or notify() without the lock held is refused;
# a waiter cancelled or timed out still leaves with the lock held, and releases it.
import asyncio

from primitives import Condition
from testkit import raises


async def main():
    lock = asyncio.Lock()
    cond = Condition(lock)
    log = []

    async def waiter(name):
        async with cond:
            await cond.wait()
            assert lock.locked()
            log.append(name)

    tasks = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep_ms(10)
    assert not lock.locked()
    async with cond:
        cond.notify()
    await asyncio.sleep_ms(10)
    assert log == ["a"], log
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    assert log == ["a", "b", "c"] and not lock.locked(), log

    # The lock is needed: to notify, and to wait (checked when wait() is called).
    raises(RuntimeError, cond.notify)
    raises(RuntimeError, cond.wait)

    # wait_for(): the predicate is checked with the lock held.
    box = []

    async def filler():
        await asyncio.sleep_ms(10)
        async with cond:
            box.append(1)
            cond.notify()

    async with cond:
        asyncio.create_task(filler())
        assert await cond.wait_for(lambda: box) == [1]
        assert lock.locked()
    assert not lock.locked()

    # Timed out in wait(): the caller has the lock again, and releases it.
    async with cond:
        try:
            await asyncio.wait_for_ms(cond.wait(), 20)
        except asyncio.TimeoutError:
            pass
        assert lock.locked()
    assert not lock.locked() and cond._nwait == 0

    # The same lock shared with plain users.
    async with lock:
        assert cond.locked()


asyncio.run(main())
print("condition over asyncio.Lock ok")
