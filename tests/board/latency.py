# Figures, reported and not asserted: IRQ-to-task latency while four tasks run 1 ms each, the
# edge coming mid-run, with and without priority; and task switches per second.
import asyncio
import time

import fastpoll
import roundrobin
from machine import Pin

x1 = Pin("X1", Pin.IN, Pin.PULL_DOWN)
x2 = Pin("X2", Pin.OUT, value=0)
ROUNDS = 20


async def latency(priority):
    flag = fastpoll.Flag(priority=priority)
    t_irq = [0]
    lat = []

    def on_edge(p):
        t_irq[0] = time.ticks_us()
        flag.set()

    x1.irq(on_edge, Pin.IRQ_RISING, hard=True)

    async def busy(edges):
        n = 0
        while len(lat) < ROUNDS:
            time.sleep_us(500)
            n += 1
            if edges and n % 5 == 0:
                x2(1)  # mid-run: the waiter is woken while this task still runs
                x2(0)
            time.sleep_us(500)
            await asyncio.sleep(0)

    async def waiter():
        while len(lat) < ROUNDS:
            await flag.wait()
            lat.append(time.ticks_diff(time.ticks_us(), t_irq[0]))

    await asyncio.gather(waiter(), *(busy(i == 0) for i in range(4)))
    x1.irq(None)
    return sum(lat) // len(lat), max(lat)


for priority in (False, True):
    mean, worst = asyncio.run(latency(priority))
    print("REPORT IRQ-to-task us, priority={}: mean {} worst {}".format(priority, mean, worst))
print("REPORT task switches/s:", roundrobin.run(3, 300))
x2.init(Pin.IN)
