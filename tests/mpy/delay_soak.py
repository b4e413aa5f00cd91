# 100,000 Delay_ms retriggers, the scheduler running between them, leave memory where it was.
# (Hinch's Delay_ms creates a task per retrigger; those pile up.)
import asyncio
import gc
from time import ticks_diff, ticks_ms

from aswitch import Delay_ms

N = 100_000


async def main():
    fired = []
    d = Delay_ms(fired.append, (1,), duration=10_000)
    for _ in range(1000):  # warm up: every object that lives on is made by now
        d.trigger()
        await asyncio.sleep_ms(0)
    gc.collect()
    before = gc.mem_free()
    t0 = ticks_ms()
    for i in range(N):
        d.trigger()
        if i & 1:
            await asyncio.sleep_ms(0)
    gc.collect()
    after = gc.mem_free()
    print("retriggers", N, "mem_free before", before, "after", after,
          "ms", ticks_diff(ticks_ms(), t0))
    assert before - after < 512, (before, after)
    assert fired == [] and d.running()
    d.trigger(20)
    await asyncio.wait_for_ms(d.wait(), 2000)
    assert fired == [1]
    d.deinit()


asyncio.run(main())
