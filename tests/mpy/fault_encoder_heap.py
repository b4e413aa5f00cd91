# Encoder: a turn that lands while the heap is exhausted is still counted, and the encoder's
# task lives on. The task writes only slots the constructor made (its report of a change for
# `async for` included): a new slot would grow the instance's attribute table, which allocates,
# once the table is full. The extra attributes below bring the table to each size in turn.
# Whether garbage is left to reclaim when the task runs decides if such a growth fails here,
# so the slots are checked directly too.
import asyncio

import fakeboard
from machine import Pin
from primitives import Encoder
from testkit import exhaust_heap

CYCLE = ((1, 0), (1, 1), (0, 1), (0, 0))  # one cycle forward: 4 edges, +4 at div=1
errors = []


def turn(x, y):
    for a, b in CYCLE:
        fakeboard.level(x, a)
        fakeboard.level(y, b)


async def main():
    asyncio.get_event_loop().set_exception_handler(lambda loop, context: errors.append(context))
    x = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
    y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
    for extra in range(12):
        enc = Encoder(x, y, delay=0)
        for i in range(extra):
            setattr(enc, "extra%d" % i, i)
        await asyncio.sleep_ms(10)
        slots = sorted(enc.__dict__)
        hog = exhaust_heap()
        turn(x, y)  # the hard IRQ handlers allocate nothing: counted even now
        for _ in range(5):
            try:
                await asyncio.sleep_ms(0)  # the encoder's task runs its change with no heap
            except MemoryError:
                pass
        hog.clear()
        await asyncio.sleep_ms(20)
        assert not errors and not enc._task.done(), (extra, errors)
        assert sorted(enc.__dict__) == slots, (extra, sorted(enc.__dict__), slots)
        turn(x, y)
        await asyncio.sleep_ms(20)
        assert enc.value() == 8, (extra, enc.value())
        enc.deinit()
        await asyncio.sleep_ms(0)


asyncio.run(main())
print("fault_encoder_heap ok")
