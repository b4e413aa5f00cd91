# Pin IRQ to task: X2 drives X1, whose hard IRQ hands each edge to a task through fastpoll.
# A Counter loses none, however many edges come between two scheduler passes; a Flag wakes its
# task once per burst.
import asyncio

import fastpoll
from machine import Pin

BURSTS, EDGES = 50, 20

x1 = Pin("X1", Pin.IN, Pin.PULL_DOWN)
x2 = Pin("X2", Pin.OUT, value=0)


async def counted():
    c = fastpoll.Counter()
    x1.irq(lambda p: c.add(), Pin.IRQ_RISING | Pin.IRQ_FALLING, hard=True)
    total = 0
    for _ in range(BURSTS):
        for _ in range(EDGES // 2):
            x2(1)
            x2(0)
        total += await asyncio.wait_for_ms(c.wait(), 1000)
    x1.irq(None)
    assert total == BURSTS * EDGES, total


async def flagged():
    f = fastpoll.Flag()
    x1.irq(lambda p: f.set(), Pin.IRQ_RISING, hard=True)
    for _ in range(BURSTS):
        x2(1)
        x2(0)
        await asyncio.wait_for_ms(f.wait(), 1000)
        assert not f.is_set()
    x1.irq(None)


asyncio.run(counted())
asyncio.run(flagged())
x2.init(Pin.IN)
