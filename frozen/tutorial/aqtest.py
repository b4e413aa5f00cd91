# The tutorial's queue demo: a fast producer and a slow consumer share a bounded queue, so the
# producer waits whenever the queue is full. Written as tutorial-era code, on uasyncio.
import uasyncio as asyncio
from uasyncio.queues import Queue


async def _producer(q, n, high):
    for i in range(n):
        await q.put(i)
        high[0] = max(high[0], q.qsize())


async def _consumer(q, n, got):
    for _ in range(n):
        got.append(await q.get())
        await asyncio.sleep_ms(5)


async def _main(n, maxsize):
    q = Queue(maxsize)
    got = []
    high = [0]
    loop = asyncio.get_event_loop()
    loop.create_task(_producer(q, n, high))
    await _consumer(q, n, got)
    assert got == list(range(n)), got
    assert high[0] == maxsize, high  # the producer filled the queue and then had to wait
    assert q.empty()
    return got


def run(n=20, maxsize=3):
    return asyncio.get_event_loop().run_until_complete(_main(n, maxsize))
