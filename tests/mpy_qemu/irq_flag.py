# fastpoll.Flag under real preemption: a timer interrupt set()s it while a task waits on it and
# busy tasks run between yields. No wake is lost (the waiter sees the last set), none hangs.
import asyncio

import irqkit
from fastpoll import Flag


async def main():
    flag = Flag()
    seq = [0]  # sets so far, written only by the interrupt

    def isr(t):
        seq[0] += 1
        flag.set()

    wakes = 0
    seen = 0
    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    while timer.running():
        await asyncio.wait_for_ms(flag.wait(), 500)  # a hang raises TimeoutError
        s = seq[0]
        assert s >= seen and s > 0, (s, seen)
        seen = s
        wakes += 1
    n = timer.done()
    await workers.stop()
    assert n == seq[0], (n, seq[0])
    # No wake lost: a set after the waiter's last clear left the flag set, so it wakes the
    # waiter again; any earlier set was seen by the read of seq that follows the clear.
    if flag.is_set():
        await asyncio.wait_for_ms(flag.wait(), 500)
        seen = seq[0]
    assert seen == n and not flag.is_set(), (seen, n)
    assert wakes >= irqkit.MIN_WAKES and workers.turns >= irqkit.MIN_WAKES, (wakes, workers.turns)
    print("flag ok:", n, "sets,", wakes, "wakes,", workers.turns, "turns")


asyncio.run(main())
