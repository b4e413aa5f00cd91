# fastpoll imported while the loop runs and objects are registered with asyncio's IO queue:
# their waiters still wake, a cancelled one leaves nothing behind, and fastpoll's objects work.
# (Not run with the fallback (tests/host/test_fastpoll_fallback.py): that imports fastpoll first.)
import asyncio
import sys
from asyncio import core

assert "fastpoll" not in sys.modules


async def waiter(tsf, log, name):
    await tsf.wait()
    log.append(name)


async def main():
    log = []
    early, cancelled = asyncio.ThreadSafeFlag(), asyncio.ThreadSafeFlag()
    t1 = asyncio.create_task(waiter(early, log, "early"))
    t2 = asyncio.create_task(waiter(cancelled, log, "never"))
    await asyncio.sleep(0)
    old = core._io_queue
    assert len(old.map) == 2

    import fastpoll

    assert core._io_queue is old  # fastpoll leaves asyncio's IO queue as it is
    assert len(core._io_queue.map) == 2
    t2.cancel()
    await asyncio.sleep(0)
    assert t2.done() and len(core._io_queue.map) == 1
    early.set()
    await asyncio.wait_for_ms(t1, 1000)
    assert log == ["early"] and not core._io_queue.map

    flag = fastpoll.Flag(priority=True)
    t3 = asyncio.create_task(waiter(flag, log, "flag"))
    await asyncio.sleep(0)
    flag.set()
    await asyncio.wait_for_ms(t3, 1000)
    assert log == ["early", "flag"], log


asyncio.run(main())
print("late fastpoll import ok")
