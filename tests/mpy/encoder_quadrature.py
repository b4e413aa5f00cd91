# Encoder on two fake pins: quadrature steps forwards and backwards, fast bursts between
# scheduler passes, contact jitter, scaling and limits, callbacks, async for, deinit, and deinit
# from the encoder's own callback. The hard IRQ handlers run with the heap locked, so one that
# allocated would raise here. Each turn() below is one burst, so it makes one callback: tests
# wait for that, and sleep only to give a wrong extra callback time to show.
import asyncio

import fakeboard
from fakeboard import irq_of
from machine import Pin
from primitives import Encoder
from testkit import raises

X = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
Y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
STATES = ((0, 0), (1, 0), (1, 1), (0, 1))  # X leads Y: forwards
called = asyncio.Event()  # set by every callback below


def turn(edges):
    # Move the shaft by edges (negative: backwards), one pin change per edge.
    i = STATES.index((X(), Y()))
    step = 1 if edges > 0 else -1
    for _ in range(abs(edges)):
        i = (i + step) % 4
        x, y = STATES[i]
        fakeboard.level(X, x)
        fakeboard.level(Y, y)


async def settle(enc, ms=60):
    # Wait for the callback, then a while for any extra one.
    await asyncio.wait_for_ms(called.wait(), 3000)
    called.clear()
    await asyncio.sleep_ms(enc.delay + ms)


async def quiet(enc, ms=60):
    # Nothing should happen: give it the time it would take.
    await asyncio.sleep_ms(enc.delay + ms)
    assert not called.is_set()


def logger(log):
    def cb(v, d):
        log.append((v, d))
        called.set()

    return cb


async def main():
    log = []
    enc = Encoder(X, Y, delay=0, callback=logger(log))
    for _ in range(4):  # one edge at a time, the task running between them
        turn(1)
        await asyncio.wait_for_ms(called.wait(), 3000)
        called.clear()
    assert enc.value() == 4 and log == [(1, 1), (2, 1), (3, 1), (4, 1)], (enc.value(), log)
    turn(-6)
    await settle(enc)
    assert enc.value() == -2, enc.value()
    log.clear()

    turn(1000)  # a fast burst: all edges before the task runs once
    await settle(enc)
    assert enc.value() == 998 and log == [(998, 1000)], (enc.value(), log)
    turn(-1500)
    await settle(enc)
    assert enc.value() == -502, enc.value()

    for _ in range(50):  # jitter on X alone: back and forth, no net movement
        fakeboard.level(X, 1 - X())
        fakeboard.level(X, 1 - X())
    await quiet(enc)
    assert enc.value() == -502, enc.value()
    enc.deinit()
    turn(8)
    await quiet(enc)
    assert enc.value() == -502

    # 4 edges per detent, limits 0..5, a coroutine callback, a 50 ms rate limit.
    seen = []

    async def cb(v, d, tag):
        seen.append((tag, v, d))
        called.set()

    enc = Encoder(X, Y, v=2, div=4, vmin=0, vmax=5, callback=cb, args=("t",), delay=50)
    turn(4 * 10)  # ten detents: stops at 5
    await settle(enc)
    assert enc.value() == 5 and seen == [("t", 5, 3)], (enc.value(), seen)
    turn(-4 * 2)  # back two detents from the stop: no wind-up
    await settle(enc)
    assert enc.value() == 3, enc.value()
    turn(-4 * 20)
    await settle(enc)
    assert enc.value() == 0
    enc.deinit()

    # Modulo, and async for. The turner waits for each value to be read: async for skips to
    # the latest value, and a busy host must not make it skip here.
    enc = Encoder(X, Y, div=4, mod=10, delay=0)
    values = []

    async def turner():
        for i in range(3):
            turn(4 * 4)
            while len(values) <= i:
                await asyncio.sleep_ms(5)

    async def reader():
        async for v in enc:
            values.append(v)
            if len(values) == 3:
                break

    asyncio.create_task(turner())
    await asyncio.wait_for_ms(reader(), 3000)
    assert values == [4, 8, 2], values
    enc.deinit()

    # deinit() from the encoder's own callback: a function runs inside the encoder's task, a
    # coroutine in a task of its own. The task ends, the IRQs are off, turns change nothing.
    for coro in (False, True):

        def stop(v, d):
            enc.deinit()
            called.set()

        async def astop(v, d):
            stop(v, d)

        enc = Encoder(X, Y, delay=0, callback=astop if coro else stop)
        task = enc._task
        turn(1)
        await settle(enc, 20)  # a cancelled task runs before this sleep ends
        assert task.done() and enc.value() == 1
        assert irq_of(X) is None and irq_of(Y) is None
        turn(4)
        await quiet(enc)
        assert enc.value() == 1
        enc.deinit()

    raises(ValueError, Encoder, X, Y, v=9, vmax=5)

    # X1 (A0) and Y11 (B0) share EXTI line 0: the Pyboard refuses the second IRQ, and the
    # encoder leaves no IRQ behind on the first.
    x1, y11 = Pin("X1", Pin.IN), Pin("Y11", Pin.IN)
    raises(OSError, Encoder, x1, y11)
    assert irq_of(x1) is None
    y11.irq(lambda p: None)
    y11.irq(None)


asyncio.run(main())
print("encoder ok")
