# Two priority waiters woken by the same poll: both run before every task that was merely
# ready, in the order they began waiting, and the IO queue is back to stock afterwards.
import asyncio
from asyncio import core

import fastpoll

log = []


async def worker(name, fire=None):
    for i in range(3):
        log.append(name)
        if fire is not None and i == 0:
            fire()
            log.append("fired")
        await asyncio.sleep(0)


async def waiter(obj, name):
    await obj.wait()
    log.append(name)


async def main():
    q = core._io_queue
    for first, second in ((fastpoll.Flag, fastpoll.Flag), (fastpoll.Counter, fastpoll.Flag)):
        log.clear()
        a, b = first(priority=True), second(priority=True)
        waiters = [asyncio.create_task(waiter(a, "U1")), asyncio.create_task(waiter(b, "U2"))]
        await asyncio.sleep(0)
        assert len(q.urgent) == 2

        def fire():
            (a.set if hasattr(a, "set") else a.add)()
            b.set()

        tasks = [asyncio.create_task(worker("A", fire))]
        tasks += [asyncio.create_task(worker(n)) for n in "BC"]
        await asyncio.gather(*(waiters + tasks))
        fired = log.index("fired")
        assert log[fired + 1:fired + 3] == ["U1", "U2"], log
        assert not q.urgent and "wait_io_event" not in q.__dict__


asyncio.run(main())
print("priority pair ok")
