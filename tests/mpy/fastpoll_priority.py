# Priority wake: a task woken by a priority=True object runs before the tasks already ready;
# without priority the scheduler is stock asyncio (the woken task queues behind them).
import asyncio
import time
from asyncio import core

import fastpoll

log = []


async def worker(name, trigger=None):
    for i in range(4):
        log.append(name)
        if trigger is not None and i == 1:
            trigger()
            log.append("fired")
        await asyncio.sleep(0)


async def waiter(obj, name="W"):
    await obj.wait()
    log.append(name)


class SlowPoller:
    """A poll during which the clock moves on after it has woken its tasks."""

    def __init__(self, poller):
        self.poller = poller

    def register(self, s, flags):
        self.poller.register(s, flags)

    def modify(self, s, flags):
        self.poller.modify(s, flags)

    def unregister(self, s):
        self.poller.unregister(s)

    def ipoll(self, dt):
        yield from self.poller.ipoll(dt)
        # The woken tasks were pushed at the time they were woken, now some ticks ago.
        time.sleep_ms(3)


async def order(obj, trigger=None):
    log.clear()
    w = asyncio.create_task(waiter(obj))
    await asyncio.sleep(0)
    tasks = [asyncio.create_task(worker("A", trigger or getattr(obj, "set", None) or obj.add))]
    tasks += [asyncio.create_task(worker(n)) for n in "BCD"]
    await asyncio.gather(w, *tasks)
    fired = log.index("fired")
    return log[fired + 1:].index("W")  # how many ran between the event and its task


async def main():
    q = core._io_queue
    assert type(q) is core.IOQueue  # fastpoll leaves asyncio's IO queue as it is
    for kind in (fastpoll.Flag, fastpoll.Counter):
        assert await order(kind(priority=True)) == 0, log
        # Stock: B, C and D were ready first, so they run before W.
        assert await order(kind()) >= 3, log
        # No waiter left: nothing stays registered with asyncio's poller.
        assert not q.map

    reg = bytearray(1)
    bits = fastpoll.Bits(reg, 1, priority=True)

    def bit_up():
        reg[0] = 1

    assert await order(bits, bit_up) == 0, log

    # A cancelled priority waiter leaves nothing behind; the object works again.
    flag = fastpoll.Flag(priority=True)
    task = asyncio.create_task(flag.wait())
    await asyncio.sleep(0)
    assert len(q.map) == 1
    task.cancel()
    await asyncio.sleep(0)
    assert not q.map
    assert await order(flag) == 0, log

    # A priority task and a plain one woken by the same poll: the priority task runs first,
    # also when the clock has moved on since the plain one was queued.
    log.clear()
    urgent, plain = fastpoll.Flag(priority=True), fastpoll.Flag()
    tasks = [asyncio.create_task(waiter(plain, "P")), asyncio.create_task(waiter(urgent))]
    await asyncio.sleep(0)
    q.poller = SlowPoller(q.poller)
    try:
        plain.set()
        urgent.set()
        await asyncio.gather(*tasks)
    finally:
        q.poller = q.poller.poller
    assert log == ["W", "P"], log


asyncio.run(main())

# A new event loop works the same.
old = core._io_queue
asyncio.new_event_loop()
assert core._io_queue is not old and not core._io_queue.map
asyncio.run(main())
