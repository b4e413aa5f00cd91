# Delay_ms.trigger() under real preemption: a timer interrupt retriggers the delay on every
# callback while busy tasks run between yields. It never fires while retriggered; once the
# interrupt stops, it fires exactly once, DURATION ms (plus the scheduler's latency) after the
# last trigger.
import asyncio
from time import ticks_diff, ticks_ms

import irqkit
from primitives import Delay_ms

DURATION = 40  # ms: far longer than a busy task's slice, even under -singlestep
LATE = 15  # ms: how long after its deadline the timer's task may run (a few slices)


async def main():
    fired = []  # ticks_ms() of each expiry, taken by the callback in the timer's task
    dl = Delay_ms(lambda: fired.append(ticks_ms()), duration=DURATION)
    last = [0]  # ticks_ms() just before the latest trigger, written only by the interrupt

    def isr(t):
        last[0] = ticks_ms()
        dl.trigger()  # allocates nothing: the heap is locked here

    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    checks = 0
    while timer.running():
        await asyncio.sleep_ms(5)
        assert not fired and dl.running(), fired
        checks += 1
    n = timer.done()
    stopped = last[0]
    await asyncio.wait_for_ms(dl.wait(), DURATION + 500)  # a lost trigger raises TimeoutError
    await asyncio.sleep_ms(3 * DURATION)  # no second expiry
    await workers.stop()
    assert len(fired) == 1 and not dl.running(), fired
    after = ticks_diff(fired[0], stopped)
    assert DURATION <= after <= DURATION + LATE, after
    assert checks >= irqkit.MIN_WAKES, checks
    assert workers.turns >= irqkit.MIN_WAKES, workers.turns
    dl.deinit()
    print("delay_ms ok:", n, "triggers, fired once", after, "ms after the last")


asyncio.run(main())
