# Delay_ms: trigger, retrigger, shorter retrigger, stop, callbacks (function and coroutine),
# rvalue, wait, a callback that retriggers, deinit, and deinit from the timer's own callback.
# Windows are generous: the host is busy.
import asyncio
from time import ticks_diff, ticks_ms

from aswitch import Delay_ms
from testkit import raises
from testkit import within as limits

# Time limits: from the nominal time (a Delay_ms never expires early) to SLACK ms after it (the
# scheduler's overhead at Pyboard-like speed; checked where time is counted, testkit.within).
SLACK = 5


async def within(coro, ms=2000):
    return await asyncio.wait_for_ms(coro, ms)


async def main():
    fired = []
    d = Delay_ms(lambda v: fired.append(v) or v * 2, ("a",), duration=200)
    assert not d.running() and not d()
    t0 = ticks_ms()
    d.trigger()
    assert d.running()
    await asyncio.sleep_ms(100)
    assert fired == []
    d.trigger()  # retrigger: now expires 200 ms after this
    await within(d.wait())
    # 100 ms asleep, then retriggered for its 200 ms duration.
    limits(ticks_diff(ticks_ms(), t0), 300, 300 + SLACK, "retriggered Delay_ms")
    await asyncio.sleep_ms(0)
    assert fired == ["a"], fired
    assert d.rvalue() == "aa"
    assert not d.running()

    # A shorter retrigger brings the expiry forward.
    d.trigger(5000)
    await asyncio.sleep_ms(20)
    t0 = ticks_ms()
    d.trigger(100)
    await within(d.wait(), 3000)
    limits(ticks_diff(ticks_ms(), t0), 100, 100 + SLACK, "Delay_ms moved earlier")
    assert fired == ["a", "a"], fired

    # stop(): no callback, not running; a later trigger works again.
    d.trigger(100)
    assert d.rvalue() is None
    await asyncio.sleep_ms(30)
    d.stop()
    assert not d.running()
    await asyncio.sleep_ms(250)
    assert fired == ["a", "a"], fired
    d.trigger(50)
    await within(d.wait())
    assert fired == ["a", "a", "a"], fired

    # A coroutine callback runs as a task; rvalue() is that task.
    ran = asyncio.Event()

    async def coro(x):
        await asyncio.sleep_ms(10)
        ran.set()
        return x

    d.callback(coro, (7,))
    d.trigger(50)
    await within(ran.wait())
    task = d.rvalue()
    assert await task == 7

    # No callback at all: wait() still reports expiry.
    d.callback(None)
    d.trigger(30)
    await within(d.wait())
    assert not d.running()

    # A callback that retriggers its own timer keeps it going.
    count = []

    def again():
        count.append(1)
        if len(count) < 3:
            d.trigger(20)

    d.callback(again)
    d.trigger(20)
    t0 = ticks_ms()
    while len(count) < 3 and ticks_diff(ticks_ms(), t0) < 3000:
        await asyncio.sleep_ms(10)
    assert len(count) == 3, count
    await asyncio.sleep_ms(100)
    assert len(count) == 3 and not d.running()

    # deinit: the task ends, trigger() refuses.
    d.trigger(50)
    d.deinit()
    await asyncio.sleep_ms(150)
    assert len(count) == 3
    raises(RuntimeError, d.trigger)
    d.deinit()  # a second deinit does nothing

    # deinit() from the timer's own callback: a function runs inside the timer's task, a
    # coroutine in a task of its own. Either way the timer's task ends.
    for coro in (False, True):
        quit = asyncio.Event()

        def stop():
            d.deinit()
            quit.set()

        async def astop():
            stop()

        d = Delay_ms(astop if coro else stop, duration=30)
        task = d._task
        d.trigger()
        await within(quit.wait())
        await asyncio.sleep_ms(20)  # a cancelled task runs before this sleep ends
        assert task.done() and not d.running()
        d.deinit()
        raises(RuntimeError, d.trigger)


asyncio.run(main())
print("delay_ms ok")
