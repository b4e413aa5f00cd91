# Priority wake from a real interrupt: a timer interrupt sets a Flag while four busy tasks take
# turns. With priority=True the waiter runs as soon as the running task yields (at most one
# turn after the set); without it the waiter queues behind the ready tasks (about four turns).
import asyncio

import irqkit
from fastpoll import Flag

WORKERS = 4


async def lags(priority):
    """The most and the mean of the turns run between a set and the waiter's wake."""
    flag = Flag(priority=priority)
    workers = irqkit.Workers(WORKERS)
    mark = [0]  # workers.turns when the flag was set

    def isr(t):
        if not flag.is_set():
            mark[0] = workers.turns
            flag.set()

    most = total = wakes = 0
    timer = irqkit.Timer(isr)
    while timer.running():
        # Awaited directly: through wait_for the task woken first would be a helper task,
        # which then wakes this one at the back of the queue. A hang times the script out.
        await flag.wait()
        lag = workers.turns - mark[0]
        most = max(most, lag)
        total += lag
        wakes += 1
    timer.done()
    await workers.stop()
    assert wakes >= irqkit.MIN_WAKES, wakes
    return most, total / wakes


async def main():
    most, mean = await lags(True)
    assert most <= 1, (most, mean)
    stock_most, stock_mean = await lags(False)
    assert stock_most >= WORKERS - 1 and stock_mean > mean, (stock_most, stock_mean, mean)
    print("priority ok: most {} turns, mean {:.2f}; without: most {}, mean {:.2f}".format(
        most, mean, stock_most, stock_mean))


asyncio.run(main())
