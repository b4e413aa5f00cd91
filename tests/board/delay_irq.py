# Delay_ms triggered from a pin IRQ: the hard handler schedules the trigger (Delay_ms is for
# tasks and soft callbacks); the timer expires its duration after the last edge.
import asyncio
import sys
import time

import micropython
from machine import Pin
from primitives import Delay_ms

x1 = Pin("X1", Pin.IN, Pin.PULL_DOWN)
x2 = Pin("X2", Pin.OUT, value=0)


async def main():
    d = Delay_ms(duration=200)
    def retrigger(_):
        d.trigger()

    def on_edge(p):
        # Hard IRQ: schedules a function made beforehand, so nothing is allocated here.
        micropython.schedule(retrigger, None)

    x1.irq(on_edge, Pin.IRQ_RISING, hard=True)
    for _ in range(3):  # each edge retriggers
        x2(1)
        x2(0)
        t0 = time.ticks_ms()
        await asyncio.sleep_ms(100)
        assert d.running()
    await d.wait()
    ms = time.ticks_diff(time.ticks_ms(), t0)
    # Its 200 ms from the last edge, which came just before t0; at most 5 ms more, the
    # scheduler's overhead, where time is the board's own or counted in instructions (qemu):
    # on the unix port it is the host's, which a busy host stretches.
    assert ms >= 200 and (ms <= 205 or sys.platform == "linux"), ms
    x1.irq(None)
    d.deinit()


asyncio.run(main())
x2.init(Pin.IN)
