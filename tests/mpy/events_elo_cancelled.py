# EVENTS.md section 6: once the task in an ELO is cancelled, wait() returns (now and every
# later time, no TypeError) and elo() is the CancelledError, so WaitAll and WaitAny over it
# behave as if the task had ended. A task that raised makes wait() raise its error.
import asyncio

from primitives import ELO, WaitAll, WaitAny


async def worker(ms):
    await asyncio.sleep_ms(ms)
    return 1


async def fails():
    await asyncio.sleep_ms(0)
    raise OSError(5)


async def main():
    elo = ELO(worker, 10000)
    await asyncio.sleep_ms(0)
    elo().cancel()
    await asyncio.wait_for_ms(elo.wait(), 1000)
    assert isinstance(elo(), asyncio.CancelledError), elo()
    await asyncio.wait_for_ms(elo.wait(), 1000)  # a second time
    await asyncio.wait_for_ms(WaitAll((elo,)).wait(), 1000)
    assert await asyncio.wait_for_ms(WaitAny((elo,)).wait(), 1000) is elo
    # Cancelled before anybody waited; and a Task passed in rather than a coroutine.
    task = asyncio.create_task(worker(10000))
    elo2 = ELO(task)
    await asyncio.sleep_ms(0)
    task.cancel()
    await asyncio.sleep_ms(0)
    await asyncio.wait_for_ms(WaitAll((elo2, elo)).wait(), 1000)
    assert isinstance(elo2(), asyncio.CancelledError)
    # Cancelled while a WaitAll waits on it: the WaitAll ends.
    elo3 = ELO(worker, 10000)
    waiter = asyncio.create_task(WaitAll((elo3,)).wait())
    await asyncio.sleep_ms(10)
    assert not waiter.done()
    elo3().cancel()
    await asyncio.wait_for_ms(waiter, 1000)
    # A task that raised: wait() raises its error, each time.
    elo4 = ELO(fails)
    for _ in range(2):
        try:
            await asyncio.wait_for_ms(elo4.wait(), 1000)
        except OSError as e:
            assert e.errno == 5
        else:
            raise AssertionError("no OSError")


asyncio.run(main())
print("elo cancelled ok")
