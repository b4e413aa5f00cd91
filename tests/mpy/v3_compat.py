# Hinch v3 forms of the older primitives: `with await cond` and Condition.lock, Queue
# task_done()/join(), Barrier(participants=...), set_global_exception(), *_func(False), and
# Delay_ms.trigger() from a hard IRQ (heap locked), including one that moves the deadline
# earlier while the timer sleeps.
import asyncio
from time import ticks_diff, ticks_ms

import fakeboard
import micropython
from machine import Pin
from primitives import (
    Barrier,
    Condition,
    Delay_ms,
    Pushbutton,
    Queue,
    Switch,
    set_global_exception,
)
from testkit import raises, times_out, within

# Time limits: from the nominal time (a Delay_ms never expires early) to SLACK ms after it (the
# scheduler's overhead at Pyboard-like speed; checked where time is counted, testkit.within).
SLACK = 5


async def condition():
    cond = Condition()
    assert cond.lock is not None and not cond.locked()
    log = []

    async def waiter(n):
        with await cond:
            await cond.wait()
            log.append(n)

    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep_ms(10)
    with await cond as c:
        assert c is cond and cond.locked()
        cond.notify(2)
    assert not cond.locked()
    await asyncio.sleep_ms(10)
    assert log == [0, 1], log
    async with cond:
        cond.notify_all()
    await asyncio.wait_for_ms(asyncio.gather(*tasks), 500)
    assert log == [0, 1, 2]
    # A cancelled waiter in `with await cond` leaves the lock free.
    task = asyncio.create_task(waiter(9))
    await asyncio.sleep_ms(10)
    task.cancel()
    await asyncio.sleep_ms(10)
    assert not cond.locked()
    lock = asyncio.Lock()
    assert Condition(lock).lock is lock


async def queue():
    q = Queue()
    done = []

    async def worker():
        while True:
            item = await q.get()
            await asyncio.sleep_ms(5)
            done.append(item)
            q.task_done()

    await asyncio.wait_for_ms(q.join(), 100)  # nothing put: at once
    w = asyncio.create_task(worker())
    for i in range(4):
        q.put_nowait(i)
    joiners = [asyncio.create_task(q.join()) for _ in range(2)]
    await asyncio.wait_for_ms(asyncio.gather(*joiners), 1000)
    assert done == [0, 1, 2, 3]
    w.cancel()
    raises(ValueError, q.task_done)
    q.put_nowait("x")
    await times_out(q.join())  # cancelled by the timeout
    q.get_nowait()
    q.task_done()
    await asyncio.wait_for_ms(q.join(), 100)


async def barrier():
    results = []
    b = Barrier(participants=3, func=results.append, args=("round",))

    async def part(n):
        await b
        results.append(n)

    tasks = [asyncio.create_task(part(n)) for n in range(2)]
    await asyncio.sleep_ms(10)
    assert results == [] and b.busy()
    await b
    await asyncio.wait_for_ms(asyncio.gather(*tasks), 500)
    assert results[0] == "round" and sorted(results[1:]) == [0, 1]
    raises(ValueError, Barrier, participants=0)


async def drivers():
    # *_func(False) disables an action, as with Hinch's; the default is False.
    log = []
    pin = Pin("X3", Pin.IN, Pin.PULL_UP)

    async def click():
        fakeboard.level(pin, 0)
        await asyncio.sleep_ms(100)
        fakeboard.level(pin, 1)
        await asyncio.sleep_ms(100)

    pb = Pushbutton(pin)
    pb.press_func(log.append, ("press",))
    pb.release_func(log.append, ("release",))
    pb.release_func(False)
    await click()
    assert log == ["press"], log
    pb.press_func()
    await click()
    assert log == ["press"], log
    pb.deinit()
    sw = Switch(pin)
    sw.close_func(log.append, ("close",))
    sw.close_func(False)
    await click()
    assert log == ["press"], log
    # The event of *_func(None) is no longer set once the action is disabled (Hinch's drops
    # its set() the same way), read through the property or not; a later None sets it again,
    # waking a task that waited on it all along.
    sw.close_func(None)
    ev = sw.close
    await click()
    assert ev.is_set()
    sw.close_func(False)
    ev.clear()
    await click()
    assert not ev.is_set() and not sw.close.is_set()
    await click()
    assert sw.close is ev and not ev.is_set()
    waiter = asyncio.create_task(ev.wait())
    await asyncio.sleep_ms(0)
    sw.close_func(None)
    await click()
    await asyncio.wait_for_ms(waiter, 500)
    sw.deinit()
    pb = Pushbutton(pin)
    pb.press_func(None)
    ev = pb.press
    await click()
    assert ev.is_set()
    pb.press_func(False)
    ev.clear()
    await click()
    assert not ev.is_set() and not pb.press.is_set()
    pb.deinit()


def irq(func, arg=None):
    micropython.heap_lock()  # as in a hard IRQ: an allocation raises MemoryError
    try:
        func() if arg is None else func(arg)
    finally:
        micropython.heap_unlock()


async def delay_irq():
    fired = []
    d = Delay_ms(fired.append, ("t",), duration=100)
    t0 = ticks_ms()
    irq(d.trigger)
    assert d.running()
    await asyncio.wait_for_ms(d.wait(), 1000)
    assert fired == ["t"], fired
    within(ticks_diff(ticks_ms(), t0), 100, 100 + SLACK, "Delay_ms triggered in an IRQ")
    # Retriggered from an IRQ while asleep: a later deadline, then an earlier one.
    d.trigger(3000)
    await asyncio.sleep_ms(20)
    irq(d.trigger, 4000)
    await asyncio.sleep_ms(20)
    t0 = ticks_ms()
    irq(d.trigger, 50)
    await asyncio.wait_for_ms(d.wait(), 1000)
    within(ticks_diff(ticks_ms(), t0), 50, 50 + SLACK, "Delay_ms moved earlier in an IRQ")
    assert fired == ["t", "t"], fired
    # From a real (fake) pin IRQ handler.
    pin = Pin("X7", Pin.IN, Pin.PULL_UP)
    pin.irq(lambda p: d.trigger(), Pin.IRQ_FALLING, hard=True)
    fakeboard.level(pin, 0)
    assert d.running()
    await asyncio.wait_for_ms(d.wait(), 1000)
    assert fired == ["t", "t", "t"]
    pin.irq(None)
    d.deinit()
    e = raises(RuntimeError, irq, d.trigger)
    assert raises(RuntimeError, irq, d.trigger) is e  # made once: allocates nothing
    assert raises(RuntimeError, d.trigger) is not e  # a fresh one: the heap stays flat


async def main():
    await condition()
    await queue()
    await barrier()
    await drivers()
    await delay_irq()
    set_global_exception()
    handler = asyncio.get_event_loop().get_exception_handler()
    assert handler is not None


asyncio.run(main())
print("v3_compat ok")
