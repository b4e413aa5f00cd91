# Delay_ms.trigger(duration) under real preemption, with durations that move the deadline both
# later and earlier (the earlier ones wake the sleeping task through micropython.schedule), in
# bursts with pauses long enough for it to expire now and then, while busy tasks run between
# yields. It never fires before the deadline of the latest trigger unless that trigger came as
# it fired and restarted it; it is never more than LATE ms overdue; no trigger is lost; after
# the last trigger it fires exactly once.
import asyncio
from time import ticks_add, ticks_diff, ticks_ms

import irqkit
from primitives import Delay_ms

LATE = 15  # ms: how long after its deadline the timer's task may run (a few slices)
# At least this many during the run, so that expiring under triggers is tested: 10 for the
# 7,200 interrupts of a full run (15 to 20 seen), fewer in a shorter one (6 seen in 2,400).
EXPIRIES = 10 * irqkit.FREQ * irqkit.RUN_MS // 7_200_000


# State shared with the interrupt is module-global: a hard IRQ handler's locals, closure cells
# included, must fit MicroPython's on-stack frame (11 words), or calling it allocates.
dl = Delay_ms(duration=1000)
early = []  # (ticks_ms, deadline) of each expiry before the latest deadline
fired = [0]
fired_at = [0]  # ticks_ms() of the latest expiry
# Written only by the interrupt: the latest trigger's deadline (taken before it, so that the
# timer's own is the same or 1 ms later), triggers so far, the worst overdue seen.
deadline = [0]
triggers = [0]
overdue = [0]
rand = [1]
pause = [0]


def expired():
    now = ticks_ms()
    d = deadline[0]
    # A trigger that lands as it expires starts it again: running() is then True.
    if ticks_diff(d, now) > 0 and not dl.running():
        early.append((now, d))
    fired[0] += 1
    fired_at[0] = now


def isr(t):
    now = ticks_ms()
    if dl.running():
        late = ticks_diff(now, deadline[0])
        if late > overdue[0]:
            overdue[0] = late
    if pause[0]:
        pause[0] -= 1
        return
    r = (rand[0] * 75 + 74) % 65537  # small ints only: the heap is locked here
    rand[0] = r
    duration = 2 + r % 40  # 2..41 ms: each trigger may move the deadline earlier
    deadline[0] = ticks_add(now, duration)
    dl.trigger(duration)
    triggers[0] += 1
    if r % 32 == 0:  # a pause of up to ~65 ms at 6 kHz: it may expire meanwhile
        pause[0] = r % 400


async def main():
    dl.callback(expired)
    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    while timer.running():
        await asyncio.sleep_ms(5)
    n = timer.done()
    last = deadline[0]
    before = fired[0]
    if dl.running():
        await asyncio.wait_for_ms(dl.wait(), 500)  # a lost trigger raises TimeoutError
    await asyncio.sleep_ms(100)  # no second expiry
    await workers.stop()
    assert not early, early
    assert overdue[0] <= LATE, overdue[0]
    assert not dl.running() and ticks_diff(fired_at[0], last) >= 0, (fired_at[0], last)
    assert fired[0] <= before + 1, (before, fired[0])
    assert fired[0] >= EXPIRIES, fired[0]
    assert triggers[0] * 10 >= n, (triggers[0], n)
    assert workers.turns >= irqkit.MIN_WAKES, workers.turns
    dl.deinit()
    print("delay_ms durations ok:", triggers[0], "triggers,", fired[0], "expiries, at most",
          overdue[0], "ms overdue")


asyncio.run(main())
