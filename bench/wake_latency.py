# Wake latency: from set() to the waiting task running, while 10 or 50 tasks are each busy
# 5 ms between `await asyncio.sleep(0)`. The event fires in the middle of one busy period (the
# busy task calls set(), standing in for an IRQ). Stock ThreadSafeFlag, fastpoll.Flag and
# fastpoll.Flag(priority=True), measured in one run.
import asyncio
import json
from time import ticks_diff, ticks_us

import fastpoll

TASK_COUNTS = (10, 50)
BUSY_US = 5000
EVENTS = 8


async def measure(flag, tasks):
    state = {"t_set": None, "done": False}
    latencies = []

    async def waiter():
        for _ in range(EVENTS):
            await flag.wait()
            latencies.append(ticks_diff(ticks_us(), state["t_set"]))
            state["t_set"] = None
        state["done"] = True

    async def busy(fires):
        rounds = 0
        while not state["done"]:
            t0 = ticks_us()
            # The firing task fires every third of its periods, half way through it.
            fire = fires and rounds % 3 == 2 and state["t_set"] is None
            while ticks_diff(ticks_us(), t0) < BUSY_US:
                if fire and ticks_diff(ticks_us(), t0) >= BUSY_US // 2:
                    state["t_set"] = ticks_us()
                    flag.set()
                    fire = False
            rounds += 1
            await asyncio.sleep(0)

    w = asyncio.create_task(waiter())
    busy_tasks = [asyncio.create_task(busy(i == 0)) for i in range(tasks)]
    await w
    for t in busy_tasks:
        await t
    latencies.sort()
    return round(latencies[len(latencies) // 2] / 1000, 3)  # median, ms


async def main(tasks):
    return {
        "stock": await measure(asyncio.ThreadSafeFlag(), tasks),
        "fastpoll": await measure(fastpoll.Flag(), tasks),
        "fastpoll_priority": await measure(fastpoll.Flag(priority=True), tasks),
    }


for tasks in TASK_COUNTS:
    result = {
        "name": "wake_latency_{}".format(tasks),
        "what": "median ms from set() to the woken task running; {} tasks busy {} ms each "
        "(priority: within one busy period)".format(tasks, BUSY_US // 1000),
        "unit": "ms",
        "better": "lower",
        "baseline": "stock",
    }
    result.update(asyncio.run(main(tasks)))
    print("RESULT", json.dumps(result))
