# 2,000 rounds of each primitive's common operations leave free memory where it was: nothing
# accumulates (waiter queues, task references, buffers) however long a program runs.
import asyncio
import gc

from primitives import Condition, Event, Lock, Queue, RingbufQueue, Semaphore

# The heap's smallest block is 16 bytes on a 32-bit board (32 on 64-bit unix): leaking one every
# 60 rounds already exceeds the tolerance (2,000 / 60 * 16 = 533 bytes).
N = 2000
TOLERANCE = 512  # bytes: heap fragmentation, not growth (growth would be N times something)


async def lock_loop(lock, n):
    for _ in range(n):
        await lock.acquire()
        lock.release()


async def sem_loop(sem, n):
    for _ in range(n):
        async with sem:
            pass


async def queue_loop(q, n):
    for i in range(n):
        await q.put(i)
        await q.get()


async def ring_loop(q, n):
    for i in range(n):
        q.put_nowait(i)
        await q.get()


async def event_loop(ev, n):
    for _ in range(n):
        ev.set()
        await ev.wait()
        ev.clear()


async def cond_loop(cond, n):
    for _ in range(n):
        async with cond:
            cond.notify()


async def contended(lock, n):
    # Two tasks taking turns: every acquire waits and every release hands over.
    async def one():
        for _ in range(n // 2):
            async with lock:
                await asyncio.sleep_ms(0)

    tasks = [asyncio.create_task(one()) for _ in range(2)]
    for t in tasks:
        await t


def free_after(coro):
    asyncio.run(coro)
    gc.collect()
    return gc.mem_free()


objs = (Lock(), Semaphore(2), Queue(4), RingbufQueue(8), Event(), Condition(), Lock())
loops = (lock_loop, sem_loop, queue_loop, ring_loop, event_loop, cond_loop, contended)
for obj, loop in zip(objs, loops):
    free_after(loop(obj, 100))  # warm up: first-use allocations (imports, qstrs, queues)
    before = free_after(loop(obj, 100))
    after = free_after(loop(obj, N))
    assert before - after < TOLERANCE, (loop.__name__, before, after)
print("primitives_memory ok")
