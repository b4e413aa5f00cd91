# Round-robin context switches per second: stock asyncio, then the same code after importing
# our synchronisation library (which must not slow asyncio down), then tasks started by the
# tutorial's uasyncio loop, giving way with `await asyncio.sleep_ms(0)` and with a bare
# `yield` (which only that loop honours), taken in turns with plain asyncio tasks. One
# process, so the
# machine's speed cancels out of the ratios. The loop is written here rather than taken from
# the frozen roundrobin module, whose import would load the library before the bare run.
import asyncio
import json
from time import ticks_diff, ticks_ms

DURATION_MS = 500
REPEATS = 3
NTASKS = 3


async def spin(counts, i, stop):
    while not stop:
        counts[i] += 1
        await asyncio.sleep_ms(0)


def spin_yield(counts, i, stop):
    # The tutorial's other way to give way: a bare yield (only the tutorial loop allows it).
    while not stop:
        counts[i] += 1
        yield


async def measure(create_task, spinner=spin):
    counts = [0] * NTASKS
    stop = []
    tasks = [create_task(spinner(counts, i, stop)) for i in range(NTASKS)]
    t0 = ticks_ms()
    await asyncio.sleep_ms(DURATION_MS)
    stop.append(True)
    elapsed = ticks_diff(ticks_ms(), t0)
    for t in tasks:
        await t
    return sum(counts) * 1000 // max(elapsed, 1)


def best(create_task, spinner=spin):
    return max(asyncio.run(measure(create_task, spinner)) for _ in range(REPEATS))


stock = best(asyncio.create_task)

import asyn  # noqa: E402
import uasyncio.queues  # noqa: E402, F401

for name in asyn._names:
    getattr(asyn, name)
library = best(asyncio.create_task)

# The tutorial loop against plain asyncio tasks, taken in turns so that a change in the
# machine's load (unix runs on wall-clock time) falls on both alike.
loop = uasyncio.get_event_loop()
variants = {
    "stock": (asyncio.create_task, spin),
    "tutorial_loop": (loop.create_task, spin),
    "tutorial_loop_yield": (loop.create_task, spin_yield),
}
rates = {k: 0 for k in variants}
for _ in range(REPEATS + 2):
    for k, (create_task, spinner) in variants.items():
        rates[k] = max(rates[k], asyncio.run(measure(create_task, spinner)))

print("RESULT " + json.dumps({
    "name": "roundrobin", "what": "context switches/s, {} tasks".format(NTASKS),
    "unit": "switches/s", "better": "higher", "baseline": "stock",
    "stock": stock, "library": library}))
rates.update({"name": "tutorial_loop", "unit": "switches/s", "better": "higher",
              "baseline": "stock",
              "what": "context switches/s, {} tasks started by uasyncio's loop (asyncio's "
                      "create_task: stock), giving way with sleep_ms(0) or a bare yield"
              .format(NTASKS)})
print("RESULT " + json.dumps(rates))
