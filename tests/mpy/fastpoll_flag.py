# fastpoll.Flag: set from a hard IRQ (heap locked), awaited by one task, cancellable.
import asyncio
from asyncio import core

import fakeboard
import fastpoll
import micropython
from machine import Pin
from testkit import raises, times_out

flag = fastpoll.Flag()
assert isinstance(flag, fastpoll.Flag) and not flag.priority and not flag.is_set()

# set() and clear() allocate nothing: they work with the heap locked.
ok = False  # the global exists before the heap is locked
micropython.heap_lock()
flag.set()
ok = flag.is_set()
flag.clear()
micropython.heap_unlock()
assert ok and not flag.is_set()

# Called through the class, the methods act on the flag and leave the instance's attributes
# alone, also with the heap locked.
flag.tag = "kept"
set_, clear, is_set = fastpoll.Flag.set, fastpoll.Flag.clear, fastpoll.Flag.is_set
micropython.heap_lock()
set_(flag)
ok = is_set(flag) and flag.is_set()
clear(flag)
micropython.heap_unlock()
assert ok and not flag.is_set() and not is_set(flag)
assert flag.tag == "kept" and not flag.priority
for method in (set_, clear, is_set):
    raises((TypeError, AttributeError), method, 5)

# A hard IRQ handler (the fake Pin runs it with the heap locked) sets the flag.
pin = Pin("X1", Pin.IN, Pin.PULL_DOWN)
pin.irq(lambda p: flag.set(), Pin.IRQ_RISING, hard=True)

log = []


async def waiter():
    await flag.wait()
    log.append("woken")


async def main():
    # A flag set before wait() returns at once, and wait() clears it.
    flag.set()
    await flag.wait()
    assert not flag.is_set()

    # The IRQ wakes a waiting task; the task sees the flag cleared.
    task = asyncio.create_task(waiter())
    await asyncio.sleep_ms(5)
    assert log == []
    fakeboard.level(pin, 1)
    await asyncio.wait_for_ms(task, 2000)
    assert log == ["woken"] and not flag.is_set()
    fakeboard.level(pin, 0)

    # Two sets before the waiter runs are one event (a flag, not a counter).
    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    flag.set()
    flag.set()
    await asyncio.wait_for_ms(task, 2000)
    assert log == ["woken"] * 2 and not flag.is_set()

    # One waiter per flag: a second one is an error, the first keeps waiting.
    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    try:
        await flag.wait()
        raise AssertionError("second waiter accepted")
    except RuntimeError:
        pass

    # Cancelling the waiter unregisters the flag; it can be waited on again.
    task.cancel()
    await asyncio.sleep(0)
    assert id(flag) not in core._io_queue.map
    assert not core._io_queue.map
    flag.set()
    await flag.wait()

    # A timeout (wait_for cancels the inner wait) leaves the flag reusable too.
    await times_out(flag.wait())
    assert not core._io_queue.map
    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    flag.set()
    await asyncio.wait_for_ms(task, 2000)
    assert log == ["woken"] * 3, log


asyncio.run(main())

# Wrong arguments are exceptions.
for args, kwargs in (((1,), {}), ((), {"prio": True})):
    raises(TypeError, fastpoll.Flag, *args, **kwargs)
assert fastpoll.Flag(priority=True).priority
