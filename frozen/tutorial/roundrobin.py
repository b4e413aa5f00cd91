# The tutorial's round-robin demo: tasks that only give way to each other. run() returns the
# context switches per second, which makes it the scheduling benchmark too.
import asyncio
from time import ticks_diff, ticks_ms


async def _spin(counts, i, stop):
    while not stop:
        counts[i] += 1
        await asyncio.sleep_ms(0)


async def _main(ntasks, duration_ms):
    counts = [0] * ntasks
    stop = []
    tasks = [asyncio.create_task(_spin(counts, i, stop)) for i in range(ntasks)]
    t0 = ticks_ms()
    await asyncio.sleep_ms(duration_ms)
    stop.append(True)
    elapsed = ticks_diff(ticks_ms(), t0)
    for t in tasks:
        await t
    # Round robin: every task had its turn each round, so the counts differ by one at most.
    assert max(counts) - min(counts) <= 1, counts
    return sum(counts) * 1000 // max(elapsed, 1)


def run(ntasks=3, duration_ms=1000):
    """Context switches per second."""
    return asyncio.run(_main(ntasks, duration_ms))
