# DRIVERS.md 6.1: Encoder's asynchronous iterator reports a change made after the encoder was
# made, even one made before the first `async for` began (his constructor makes the event).
import asyncio

import fakeboard
from machine import Pin
from primitives import Encoder

X = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
Y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
STATES = ((0, 0), (1, 0), (1, 1), (0, 1))  # X leads Y: forwards


async def main():
    enc = Encoder(X, Y, delay=10)
    for x, y in STATES[1:] + STATES[:1]:  # one full cycle forwards: 4 edges
        fakeboard.level(X, x)
        fakeboard.level(Y, y)
    await asyncio.sleep_ms(100)
    assert enc.value() == 4, enc.value()
    got = []

    async def follow():
        async for v in enc:
            got.append(v)
            return

    await asyncio.wait_for_ms(follow(), 1000)
    assert got == [4], got
    enc.deinit()


asyncio.run(main())
print("encoder aiter ok")
