# Fault injection across the library (test-only helpers in testkit):
# - KeyboardInterrupt in the middle of a running program, then the same program run again in
#   the same interpreter (a user at the REPL after Ctrl-C). Ctrl-C raises at a pending check:
#   inside a task, or in the scheduler's poll while it idles. (A KeyboardInterrupt raised by a
#   micropython.schedule() callback does not do that: MicroPython prints it and goes on.)
# - the heap exhausted (allocate until MemoryError) while drivers and primitives run, then
#   freed: they still work;
# - deinit() after Ctrl-C, at the "REPL".
import asyncio
import gc

import fakeboard
from fastpoll import Flag
from machine import Pin
from primitives import Delay_ms, Encoder, Pushbutton, RingbufQueue
from testkit import exhaust_heap, interrupt_idle
from threadsafe import ThreadSafeEvent, ThreadSafeQueue

BTN = Pin("X5", Pin.IN, Pin.PULL_UP)
EX = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
EY = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
things = []  # the last run's drivers, for deinit() at the "REPL"


async def program(interrupt_at=None):
    """Exercise each IRQ-facing object; with interrupt_at, a scheduled callback raises
    KeyboardInterrupt at that step. Returns the steps done."""
    fakeboard.level(BTN, 1)
    fakeboard.level(EX, 0)
    fakeboard.level(EY, 0)
    presses = []
    dl = Delay_ms(duration=20)
    pb = Pushbutton(BTN)
    pb.press_func(presses.append, (1,))
    enc = Encoder(EX, EY, delay=0)
    q = RingbufQueue(4)
    tsq = ThreadSafeQueue(4)
    tse = ThreadSafeEvent()
    flag = Flag()
    things[:] = [dl, pb, enc]
    steps = 0
    for step in range(6):
        if interrupt_at is not None and step == interrupt_at[0]:
            if interrupt_at[1] == "idle":
                interrupt_idle()
            else:
                raise KeyboardInterrupt  # in a task
        dl.trigger()
        q.put_nowait(step)
        tsq.put_sync(step)
        tse.set()
        flag.set()
        fakeboard.level(BTN, 0)
        x, y = ((1, 0), (1, 1), (0, 1), (0, 0))[step % 4]  # one quadrature step forwards
        fakeboard.level(EX, x)
        fakeboard.level(EY, y)
        await asyncio.wait_for_ms(dl.wait(), 1000)
        assert await q.get() == step
        assert await tsq.get() == step
        await asyncio.wait_for_ms(tse.wait(), 1000)
        tse.clear()
        await asyncio.wait_for_ms(flag.wait(), 1000)
        await asyncio.sleep_ms(60)  # held past the debounce
        fakeboard.level(BTN, 1)
        await asyncio.sleep_ms(60)
        steps += 1
    assert len(presses) == 6, presses
    assert enc.value() == 6, enc.value()
    for t in things:
        t.deinit()
    return steps


def interrupted(step):
    try:
        asyncio.run(program(step))
    except KeyboardInterrupt:
        return True
    return False


for step in ((0, "task"), (2, "idle"), (5, "idle"), (3, "task")):
    assert interrupted(step), step
    # At the "REPL": the last run's drivers are deinited (their tasks may be parked or the
    # current task), then the program runs again, whole.
    for t in things:
        t.deinit()
    # As Hinch's docs advise a program to start: asyncio.run() alone would resume the
    # interrupted program's own tasks beside the new run (upstream's loop is not reset).
    asyncio.new_event_loop()
    assert asyncio.run(program()) == 6
print("interrupt and rerun ok")

# The heap exhausted while everything runs, then freed: it all still works.


async def starved():
    hog = exhaust_heap()
    try:
        for t in things:
            t.deinit()
        dl = Delay_ms(duration=10)
        dl.trigger()  # allocates nothing; the task already exists
        await asyncio.sleep_ms(30)
    except MemoryError:
        pass  # as a user's program may, with no heap left
    finally:
        hog.clear()
        gc.collect()
    assert await program() == 6


asyncio.run(starved())
print("heap exhausted ok")
