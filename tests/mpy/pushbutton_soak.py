# 10,000 presses of a polled Pushbutton with every function set, then 3,000 of an IRQ-driven one,
# leave memory where it was. Real timing would take 2 debounce periods a press: the buttons'
# times are cut to make it seconds. (IRQ-driven is fewer: on unix, a pass with a fastpoll object
# registered waits 1 ms in poll().)
import asyncio
import gc
from time import ticks_diff, ticks_ms

import fakeboard
from aswitch import Pushbutton
from machine import Pin


async def soak(irq, n):
    counts = [0, 0, 0, 0]

    def count(i):
        counts[i] += 1

    async def acount(i):
        counts[i] += 1

    pin = Pin("Y1", Pin.IN, Pin.PULL_UP)
    pb = Pushbutton(pin, irq=irq)
    pb.debounce_ms = 0  # read on every scheduler pass
    pb.double_click_ms = 60_000  # so every second click is a double
    pb.long_press_ms = 60_000
    pb.press_func(count, (0,))
    pb.release_func(acount, (1,))  # a coroutine: a task per release
    pb.double_func(count, (2,))
    pb.long_func(count, (3,))

    async def press_release():
        n = counts[0]
        fakeboard.level(pin, 0)
        while counts[0] == n:
            await asyncio.sleep_ms(0)
        n = counts[1]
        fakeboard.level(pin, 1)
        while counts[1] == n:
            await asyncio.sleep_ms(0)

    for _ in range(100):  # warm up
        await press_release()
    gc.collect()
    before = gc.mem_free()
    t0 = ticks_ms()
    for _ in range(n):
        await press_release()
    gc.collect()
    after = gc.mem_free()
    print("irq" if irq else "polled", "presses", n, "mem_free before", before, "after", after,
          "ms", ticks_diff(ticks_ms(), t0))
    assert counts == [n + 100, n + 100, (n + 100) // 2, 0], counts
    assert before - after < 512, (before, after)
    pb.deinit()


async def main():
    await soak(False, 10_000)
    await soak(True, 3_000)


asyncio.run(main())
