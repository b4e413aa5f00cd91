# Idle cost of debounced buttons: scheduler passes per second while BUTTONS Pushbuttons sit
# untouched, each polling its pin every debounce period (Hinch's way, the baseline) or woken by
# a pin IRQ through a fastpoll Flag. A pass is one call of the IO queue's wait_io_event(), which
# run_until_complete makes before each task it resumes.
import asyncio
import json
from time import ticks_diff, ticks_ms

from machine import Pin
from primitives import Pushbutton

BUTTONS = 4
RUN_MS = 2000


async def passes_per_s(irq):
    buttons = []
    for i in range(BUTTONS):
        pb = Pushbutton(Pin("B%d" % i, Pin.IN, Pin.PULL_UP), irq=irq)
        pb.press_func(print, ("pressed",))
        pb.double_func(print, ("double",))
        pb.long_func(print, ("long",))
        buttons.append(pb)
    await asyncio.sleep_ms(100)  # every task reaches its idle wait
    q = asyncio.core._io_queue
    wait = q.wait_io_event
    count = 0

    def counting(dt):
        nonlocal count
        count += 1
        wait(dt)

    q.wait_io_event = counting
    t0 = ticks_ms()
    await asyncio.sleep_ms(RUN_MS)
    elapsed = ticks_diff(ticks_ms(), t0)
    del q.wait_io_event
    for pb in buttons:
        pb.deinit()
    return count * 1000 / elapsed


async def main():
    return await passes_per_s(False), await passes_per_s(True)


polled, irq = asyncio.run(main())
print("RESULT", json.dumps({
    "name": "switch_idle",
    "what": "scheduler passes/s with {} idle Pushbuttons (debounce {} ms)".format(
        BUTTONS, Pushbutton.debounce_ms),
    "unit": "passes/s",
    "better": "lower",
    "baseline": "polled",
    "polled": round(polled, 1),
    "irq": round(irq, 1),
}))
