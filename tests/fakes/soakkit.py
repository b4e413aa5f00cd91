# Soak (test builds only): every IRQ-facing call of the library, many times, from a task, a
# soft callback (micropython.schedule) and a hard IRQ (a fake pin's hard handler: the heap is
# locked there, as on the board), with the heap measured before and after. Used by
# tests/mpy/fault_soak.py (a small count) and bench/soak.py (make bench's soak row).
import asyncio
import gc
from time import ticks_diff, ticks_us

import fakeboard
import micropython
from fastpoll import Counter, Flag
from machine import Pin
from primitives import Delay_ms, Encoder, RingbufQueue
from threadsafe import Message, ThreadSafeEvent, ThreadSafeQueue

CALLS = 9  # IRQ-facing calls per round (see Rig.round)
_QUAD = ((1, 0), (1, 1), (0, 1), (0, 0))


class Rig:
    def __init__(self):
        self.flag = Flag()
        self.counter = Counter()
        self.ring = RingbufQueue(4)
        self.tsq = ThreadSafeQueue(4)
        self.tse = ThreadSafeEvent()
        self.msg = Message()
        self.dl = Delay_ms(duration=10000)
        self.ex = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
        self.ey = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
        fakeboard.level(self.ex, 0)
        fakeboard.level(self.ey, 0)
        self.enc = Encoder(self.ex, self.ey, delay=0)
        self.step = 0
        self.dropped = 0
        self.trig = Pin("X3", Pin.IN, Pin.PULL_UP)
        fakeboard.level(self.trig, 1)
        self.n = 0  # rounds the hard handler still has to run
        self._round = self.round  # bound once: binding in the IRQ would allocate
        self.trig.irq(self._hard, Pin.IRQ_FALLING | Pin.IRQ_RISING, hard=True)

    def round(self, _=None):
        # Allocates nothing: every value is a small int or an object made in __init__.
        self.flag.set()
        self.counter.add(1)
        try:
            self.ring.put_nowait(self.step)  # overwrites once full
        except IndexError:
            self.dropped += 1
        self.tsq.put_sync(self.step)
        self.tsq.get_sync()
        self.tse.set()
        self.msg.set(self.step)
        self.dl.trigger()
        self.step = s = (self.step + 1) & 3
        x, y = _QUAD[s]  # a quadrature step: two encoder IRQ handlers run
        fakeboard.level(self.ex, x)
        fakeboard.level(self.ey, y)

    def _hard(self, pin):
        if self.n:
            self.n -= 1
            self._round()

    def drain(self):
        # What the tasks would take; in a task.
        self.flag.clear()
        self.counter.take()
        while not self.ring.empty():
            self.ring.get_nowait()
        self.tse.clear()
        self.msg.clear()

    def deinit(self):
        self.trig.irq(None)
        self.enc.deinit()
        self.dl.deinit()


async def _from_task(rig, n):
    for i in range(n):
        rig.round()
        if not i & 15:
            rig.drain()
            await asyncio.sleep(0)


async def _from_soft(rig, n):
    pending = [0]

    def cb(_):
        rig.round()
        pending[0] -= 1

    for i in range(n):
        pending[0] += 1
        micropython.schedule(cb, None)
        while pending[0]:
            pass  # it runs at this loop's jump
        if not i & 15:
            rig.drain()
            await asyncio.sleep(0)


async def _from_hard(rig, n):
    level = 1
    for i in range(n):
        rig.n = 1
        level ^= 1
        fakeboard.level(rig.trig, level)  # the hard handler runs at the edge
        assert rig.n == 0
        if not i & 15:
            rig.drain()
            await asyncio.sleep(0)


CONTEXTS = (("task", _from_task), ("soft", _from_soft), ("hard", _from_hard))


async def soak(rounds):
    """{context: (heap drift in bytes, IRQ-facing calls made, calls per second)}."""
    rig = Rig()
    out = {}
    try:
        for name, run in CONTEXTS:
            await run(rig, 50)  # warm up: first-use allocations are not drift
            rig.drain()
            gc.collect()
            before = gc.mem_alloc()
            t0 = ticks_us()
            await run(rig, rounds)
            us = ticks_diff(ticks_us(), t0)
            rig.drain()
            gc.collect()
            calls = rounds * CALLS
            out[name] = (gc.mem_alloc() - before, calls, calls * 1000000 // max(us, 1))
    finally:
        rig.deinit()
    return out
