# Encoder: the raw edge count crosses the largest small int (2**30 - 1 on a 32-bit board, after
# hours of one-way rotation at motor speeds). The hard IRQ handlers run with the heap locked:
# a count that became a big int there would raise, the line would be disabled and the encoder
# would stop for good. Here the count starts just below that limit (start value * div).
import asyncio
import sys

import fakeboard
from machine import Pin
from primitives import Encoder

SMALL_MAX = (1 << 30) - 1 if sys.maxsize < (1 << 32) else (1 << 62) - 1
X = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
Y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
STATES = ((0, 0), (1, 0), (1, 1), (0, 1))  # X leads Y: forwards
state = [0]


def turn(edges):
    step = 1 if edges > 0 else -1
    for _ in range(abs(edges)):
        state[0] = (state[0] + step) % 4
        x, y = STATES[state[0]]
        fakeboard.level(X, x)
        fakeboard.level(Y, y)


async def check(v, div, edges):
    fakeboard.level(X, 0)
    fakeboard.level(Y, 0)
    state[0] = 0
    enc = Encoder(X, Y, v=v, div=div, delay=0)
    await asyncio.sleep_ms(10)
    for i in range(4):  # in steps, the task reading between them
        turn(edges // 4)
        await asyncio.sleep_ms(10)
    want = v + edges // div
    assert enc.value() == want, (v, div, enc.value(), want)
    turn(-edges)  # and back across the limit
    await asyncio.sleep_ms(20)
    assert enc.value() == v, (v, div, enc.value())
    enc.deinit()


async def main():
    await check(SMALL_MAX - 2, 1, 8)
    await check(SMALL_MAX // 4 - 1, 4, 16)
    await check(-SMALL_MAX + 1, 1, -8)
    print("encoder wrap ok")


asyncio.run(main())
