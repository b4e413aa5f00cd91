# RingbufQueue on an array: items stored in place from a hard IRQ (heap locked), read in order by
# a task, the oldest overwritten when full, and the values as the array type holds them.
import asyncio
from array import array

import fakeboard
from machine import Pin
from primitives import RingbufQueue

q = RingbufQueue(array("H", [0] * 5))  # holds 4
pin = Pin("X7", Pin.IN, Pin.PULL_DOWN)
n = bytearray(1)


def on_edge(p):
    # Hard IRQ: a small int into the array, a flag set: nothing allocated.
    n[0] += 1
    try:
        q.put_nowait(n[0] * 1000)
    except IndexError:  # full: the oldest was dropped (the error is pre-made: no allocation)
        pass


async def main():
    pin.irq(on_edge, Pin.IRQ_RISING, hard=True)
    for _ in range(3):
        fakeboard.level(pin, 1)
        fakeboard.level(pin, 0)
    got = []
    for _ in range(3):
        got.append(await q.get())
    assert got == [1000, 2000, 3000], got
    for _ in range(6):  # 6 into room for 4: the two oldest are dropped
        fakeboard.level(pin, 1)
        fakeboard.level(pin, 0)
    assert q.full() and q.qsize() == 4
    got = []
    async for v in q:
        got.append(v)
        if q.empty():
            break
    assert got == [6000, 7000, 8000, 9000], got
    pin.irq(None)
    assert q.put_nowait(70000) is None and q.get_nowait() == 70000 & 0xFFFF  # as 'H' holds it
    f = RingbufQueue(array("f", [0] * 3))
    f.put_nowait(1.5)
    assert f.get_nowait() == 1.5


asyncio.run(main())
print("ringbuf array ok")
