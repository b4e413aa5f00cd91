# EVENTS.md section 6: an ELO in a WaitAny that another member wins keeps its task running
# ("r = await e()" pauses before returning the result); the task is not cancelled with the
# WaitAny's own helper. A second WaitAny/WaitAll over the same ELO then works.
import asyncio

from primitives import ELO, WaitAll, WaitAny


async def worker(ms):
    await asyncio.sleep_ms(ms)
    return 42


async def main():
    ev = asyncio.Event()
    elo = ELO(worker, 50)
    ev.set()
    assert await WaitAny((ev, elo)).wait() is ev
    task = elo()
    assert isinstance(task, asyncio.Task), task  # not the CancelledError of the helper
    assert not task.done()
    assert await task == 42  # ran to its end
    await asyncio.wait_for_ms(elo.wait(), 1000)  # ended: returns at once
    assert await elo() == 42
    # Both kinds of group over the same ELO again.
    assert await asyncio.wait_for_ms(WaitAny((elo, asyncio.Event())).wait(), 1000) is elo
    await asyncio.wait_for_ms(WaitAll((elo, ev)).wait(), 1000)
    # A WaitAll cancelled (here by a timeout) leaves the task inside its ELO running too.
    elo2 = ELO(worker, 50)
    try:
        await asyncio.wait_for_ms(WaitAll((elo2, asyncio.Event())).wait(), 10)
    except asyncio.TimeoutError:
        pass
    assert await elo2() == 42


asyncio.run(main())
print("elo waitany ok")
