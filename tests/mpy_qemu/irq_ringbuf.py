# RingbufQueue under real preemption: a timer interrupt put_nowait()s a sequence number into a
# small ring, overwriting when it is full, while a task reads it and busy tasks run between
# yields. Items arrive in order, none twice, and received + overwritten == put.
import asyncio

import irqkit
from primitives import RingbufQueue


async def main():
    q = RingbufQueue(4)  # holds 3: the interrupt overwrites often
    seq = [0]
    over = [0]

    def isr(t):
        x = seq[0]
        seq[0] = x + 1
        # Overwriting is reported by a True return or (since the v3 drop-in) an IndexError.
        try:
            if q.put_nowait(x):
                over[0] += 1
        except IndexError:
            over[0] += 1

    received = 0
    last = -1

    def take(item):
        nonlocal received, last
        assert item > last, (item, last)  # in order, no duplicate
        last = item
        received += 1

    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    while timer.running():
        take(await asyncio.wait_for_ms(q.get(), 500))
    n = timer.done()
    await workers.stop()
    while not q.empty():
        take(q.get_nowait())
    assert n == seq[0], (n, seq[0])
    assert received + over[0] == n, (received, over[0], n)
    assert last == n - 1 or over[0], (last, n)
    assert received >= irqkit.MIN_WAKES and over[0] > 0, (received, over[0])
    print("ringbuf ok:", n, "put,", received, "received,", over[0], "overwritten")


asyncio.run(main())
