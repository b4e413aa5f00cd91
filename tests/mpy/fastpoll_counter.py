# fastpoll.Counter: add() from hard IRQs never loses an event; wait() drains the count.
import asyncio
from asyncio import core
from time import ticks_add, ticks_diff, ticks_ms

import fakeboard
import fastpoll
import micropython
from machine import Pin
from testkit import raises

c = fastpoll.Counter()
assert c.value() == 0 and c.take() == 0

# add() allocates nothing: it works with the heap locked.
micropython.heap_lock()
c.add()
c.add(4)
c.add(0)
micropython.heap_unlock()
assert c.value() == 5 and c.take() == 5 and c.value() == 0

# Called through the class, the methods act on the counter and leave the instance's
# attributes alone, also with the heap locked.
c.tag = "kept"
add = fastpoll.Counter.add
micropython.heap_lock()
add(c, 5)
add(c)
micropython.heap_unlock()
assert c.value() == 6 and fastpoll.Counter.value(c) == 6
assert fastpoll.Counter.take(c) == 6 and c.value() == 0
assert c.tag == "kept" and not c.priority
for method in (fastpoll.Counter.add, fastpoll.Counter.value, fastpoll.Counter.take):
    raises((TypeError, AttributeError), method, 5)

# Overflow: the count saturates at MAX (a small int), never wraps.
assert fastpoll.Counter.MAX == c.MAX == 2**30 - 1
c.add(c.MAX - 1)
c.add(1)
assert c.value() == c.MAX
c.add(7)
assert c.value() == c.MAX
assert c.take() == c.MAX and c.value() == 0
c.add(c.MAX)
c.add(c.MAX)
assert c.take() == c.MAX

# Wrong arguments are exceptions.
for bad, exc in ((-1, ValueError), (1.5, TypeError), ("1", TypeError)):
    raises(exc, c.add, bad)
assert c.value() == 0

# Events from a hard IRQ handler, far more than scheduler passes: every one is delivered.
SENT = 10_000
pin = Pin("X2", Pin.IN, Pin.PULL_DOWN)
pin.irq(lambda p: c.add(), Pin.IRQ_RISING | Pin.IRQ_FALLING, hard=True)
delivered = 0
wakes = 0


async def consumer():
    global delivered, wakes
    while True:
        n = await c.wait()
        assert n >= 1
        delivered += n
        wakes += 1


async def producer():
    # Busy between scheduler passes, as a loop full of work is; each edge is one IRQ.
    level = 0
    for i in range(SENT):
        level ^= 1
        fakeboard.level(pin, level)
        if i % 500 == 499:
            await asyncio.sleep(0)


async def main():
    task = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    await producer()
    # Bounded, so a lost event fails the test instead of hanging it.
    deadline = ticks_add(ticks_ms(), 5000)
    while delivered < SENT and ticks_diff(deadline, ticks_ms()) > 0:
        await asyncio.sleep_ms(1)
    await asyncio.sleep_ms(5)
    assert delivered == SENT, (delivered, SENT)
    assert 1 <= wakes <= SENT // 500 + 1, wakes

    # One waiter per counter.
    try:
        await c.wait()
        raise AssertionError("second waiter accepted")
    except RuntimeError:
        pass
    # Cancelled: unregistered, and the counter keeps counting for the next waiter.
    task.cancel()
    await asyncio.sleep(0)
    assert not core._io_queue.map
    c.add(3)
    assert await c.wait() == 3


asyncio.run(main())
print("delivered", delivered)
