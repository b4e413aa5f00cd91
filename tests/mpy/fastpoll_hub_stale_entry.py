# The hub empties its entry in asyncio's IO map when nothing waits, and asyncio's
# wait_io_event() then unregisters it. If that pass is cut short after the hub's ioctl (Ctrl-C
# at a pending check, another stream's ioctl raising), the map keeps the emptied entry. Waiters
# after that must still be woken, every one of them.
import asyncio
from asyncio import core

import fastpoll
from fastpoll import Flag


async def waiter(flag, log, name):
    await flag.wait()
    log.append(name)


async def main():
    f = Flag()
    t = asyncio.create_task(waiter(f, [], "a"))
    await asyncio.sleep_ms(10)
    t.cancel()  # the hub's last waiter: nothing waits now
    # A scheduler pass that polls (the hub, with nothing waiting, empties its entry) and is
    # cut short before asyncio acts on what the poll returned.
    core._io_queue.poller.ipoll(0)
    assert core._io_queue.map[id(fastpoll._hub)][0] is None  # the emptied entry stays
    log = []
    f1, f2 = Flag(), Flag()
    asyncio.create_task(waiter(f1, log, "b"))
    asyncio.create_task(waiter(f2, log, "c"))
    await asyncio.sleep_ms(10)
    f1.set()
    await asyncio.sleep_ms(10)
    f2.set()
    for _ in range(20):
        await asyncio.sleep_ms(5)
        if len(log) == 2:
            break
    assert log == ["b", "c"], log
    print("stale entry ok")


asyncio.run(main())
