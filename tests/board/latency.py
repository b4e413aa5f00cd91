# IRQ-to-task latency while four tasks run 1 ms each, the edge coming mid-run, with and without
# priority. Asserted in slices (host-independent): how many busy slices start between the edge
# and the waiter's wake. Reported, not judged: the times, and task switches per second.
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
    slices = [0, 0]  # busy slices started; the count at the last edge
    late = []  # busy slices started between each edge and the waiter's wake

    def on_edge(p):
        t_irq[0] = time.ticks_us()
        slices[1] = slices[0]
        flag.set()

    x1.irq(on_edge, Pin.IRQ_RISING, hard=True)

    async def busy(edges):
        n = 0
        while len(lat) < ROUNDS:
            slices[0] += 1
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
            late.append(slices[0] - slices[1])

    await asyncio.gather(waiter(), *(busy(i == 0) for i in range(4)))
    x1.irq(None)
    assert len(late) == ROUNDS, late  # every edge woke the waiter
    if priority:
        # Woken ahead of the tasks that were merely ready: it runs as soon as the slice that
        # made the edge gives way.
        assert late == [0] * ROUNDS, late
    else:
        # Behind all four busy tasks: the one that made the edge queued itself again (sleep(0))
        # before the scheduler's next poll saw the flag, so each has its slice first.
        assert late == [4] * ROUNDS, late
    return sum(lat) // len(lat), max(lat)


for priority in (False, True):
    mean, worst = asyncio.run(latency(priority))
    print("REPORT IRQ-to-task us, priority={}: mean {} worst {}".format(priority, mean, worst))
print("REPORT task switches/s:", roundrobin.run(3, 300))
x2.init(Pin.IN)
