# Soak under real interrupts: irqsim's timer runs every IRQ-facing call of the library (soakkit's
# round: fastpoll Flag/Counter, RingbufQueue overwriting, ThreadSafeQueue, ThreadSafeEvent,
# Message, Delay_ms.trigger, two encoder edges) on each interrupt while a task drains what they
# produce and busy (allocating) tasks run. The heap afterwards is where it was before.
import asyncio
import gc

import irqkit
from soakkit import CALLS, Rig

TOLERANCE = 256  # bytes: GC fragmentation; a leak would be thousands of rounds times a few B


async def main():
    rig = Rig()
    rounds = [0]

    def isr(t):
        rig.round()
        rounds[0] += 1

    workers = irqkit.Workers()
    timer = irqkit.Timer(isr, freq=300)  # a round is ~60 Python calls: leave the tasks time
    drains = 0
    before = None
    while timer.running():
        await asyncio.sleep_ms(5)
        rig.drain()
        drains += 1
        if before is None and drains == 10:  # after first-use allocations
            gc.collect()
            before = gc.mem_alloc()
    timer.timer.deinit()
    await workers.stop()
    rig.drain()
    del workers
    gc.collect()
    drift = gc.mem_alloc() - before
    n = rounds[0]
    rig.deinit()
    assert n >= irqkit.RUN_MS // 12, n  # about 360 rounds at 300 Hz in 1200 ms
    assert drift <= TOLERANCE, drift
    assert drains >= irqkit.MIN_WAKES, drains
    print("irq soak ok:", n * CALLS, "calls from a hard IRQ, heap drift", drift, "B")


asyncio.run(main())
