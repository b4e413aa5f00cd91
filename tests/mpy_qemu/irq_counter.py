# fastpoll.Counter under real preemption: a timer interrupt add()s while a task drains the
# count with wait() and busy tasks run between yields. No event is lost or counted twice:
# callbacks fired == counts taken + count left.
import asyncio

import irqkit
from fastpoll import Counter


async def main():
    c = Counter()
    fired = [0]

    def isr(t):
        fired[0] += 1
        c.add()

    taken = 0
    wakes = 0
    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    while timer.running():
        n = await c.wait()
        assert n >= 1
        taken += n
        wakes += 1
    n = timer.done()
    await workers.stop()
    assert n == fired[0], (n, fired[0])
    left = c.take()
    assert taken + left == n, (taken, left, n)
    assert wakes >= irqkit.MIN_WAKES and workers.turns >= irqkit.MIN_WAKES, (wakes, workers.turns)
    print("counter ok:", n, "events,", wakes, "wakes,", workers.turns, "turns")


asyncio.run(main())
