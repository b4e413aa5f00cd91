# ThreadSafeEvent's relay hand-off: the relaying waiter t0 is cancelled just as t2 starts
# waiting. Whoever relays next, no task may get "another task is waiting on this object" (as an
# error, or printed by a helper task that died), and set() must wake every waiter.
import asyncio

from threadsafe import ThreadSafeEvent

errors = []


def handler(loop, context):
    errors.append(context["exception"])


async def waiter(ev, woke, name):
    await ev.wait()
    woke.append(name)


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    ev = ThreadSafeEvent()
    woke = []
    t0 = asyncio.create_task(waiter(ev, woke, "t0"))  # relays
    t1 = asyncio.create_task(waiter(ev, woke, "t1"))  # waits on the Event
    await asyncio.sleep_ms(10)
    t0.cancel()
    t2 = asyncio.create_task(waiter(ev, woke, "t2"))  # runs before the helper relay does
    await asyncio.sleep_ms(10)
    t3 = asyncio.create_task(waiter(ev, woke, "t3"))
    await asyncio.sleep_ms(10)
    assert not errors, errors
    for t in (t1, t2, t3):
        assert not t.done(), t  # a RuntimeError would have ended it
    ev.set()
    await asyncio.sleep_ms(10)
    assert sorted(woke) == ["t1", "t2", "t3"], woke
    assert not errors, errors
    # Cancelled relays in a row, each with a newcomer, still wake the rest.
    ev.clear()
    woke.clear()
    ts = [asyncio.create_task(waiter(ev, woke, i)) for i in range(4)]
    await asyncio.sleep_ms(10)
    for i in range(3):
        ts[i].cancel()
        ts.append(asyncio.create_task(waiter(ev, woke, 10 + i)))
        await asyncio.sleep_ms(5)
    ev.set()
    await asyncio.sleep_ms(10)
    assert sorted(woke) == [3, 10, 11, 12], woke
    assert not errors, errors
    print("relay hand-off ok")


asyncio.run(main())
