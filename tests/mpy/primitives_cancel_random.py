# Randomized cancellation (seeded, so reproducible): workers hammer a Lock, a Semaphore, a
# Queue and a Condition while a chaos task cancels them at random await points. Invariants
# are checked throughout and at the end, when every primitive must be idle and usable.
import asyncio

from primitives import Condition, Lock, Queue, Semaphore
from testkit import finish

SEED = 12345
OPS = 20000
WORKERS = 8

state = {"seed": SEED, "in_lock": 0, "in_sem": 0, "put": 0, "got": 0, "ops": 0, "cancels": 0}
lock = Lock()
sem = Semaphore(2)
queue = Queue(3)
cond = Condition()


def rand(n):
    # A small LCG: the same sequence on every port.
    state["seed"] = (state["seed"] * 1103515245 + 12345) & 0x3FFFFFFF
    return (state["seed"] >> 8) % n


async def pause():
    if rand(4):
        await asyncio.sleep_ms(0)
    else:
        await asyncio.sleep_ms(1)


async def op(kind):
    if kind == 0:
        async with lock:
            state["in_lock"] += 1
            assert state["in_lock"] == 1
            try:
                await pause()
            finally:
                state["in_lock"] -= 1
    elif kind == 1:
        async with sem:
            state["in_sem"] += 1
            assert state["in_sem"] <= 2
            try:
                await pause()
            finally:
                state["in_sem"] -= 1
    elif kind == 2:
        await queue.put(1)
        state["put"] += 1
    elif kind == 3:
        await queue.get()
        state["got"] += 1
    else:
        async with cond:
            if rand(2):
                cond.notify(rand(3) + 1)
            else:
                # Directly, not in wait_for(): a cancelled wait_for() does not wait for its
                # helper task, so the caller could leave `async with` before the helper had
                # taken the lock back (tests/mpy/condition.py covers the timeout).
                await cond.wait()
            assert cond.locked()


async def worker():
    while state["ops"] < OPS:
        state["ops"] += 1
        await op(rand(5))


async def main():
    tasks = [asyncio.create_task(worker()) for _ in range(WORKERS)]
    # Replaced workers, awaited once done: an assert that failed in one raises there (a
    # cancellation is an ending).
    # A cancelled one must end within a few rounds: one that lingers is a cancellation hole
    # (and they would pile up until the heap ran out).
    replaced = []
    since = {}  # a replaced task still running -> the round it was replaced in
    rounds = 0
    while state["ops"] < OPS:
        await asyncio.sleep_ms(rand(3))
        rounds += 1
        i = rand(WORKERS)
        if not tasks[i].done():
            tasks[i].cancel()
            state["cancels"] += 1
        replaced.append(tasks[i])
        since[tasks[i]] = rounds
        tasks[i] = asyncio.create_task(worker())
        if len(replaced) >= 16:
            await finish([t for t in replaced if t.done()])
            replaced = [t for t in replaced if not t.done()]
            since = {t: since[t] for t in replaced}
            assert all(rounds - r < 100 for r in since.values()), (rounds, since)
        # A cancelled op that was in a critical section ran its `async with` exit.
        assert state["in_lock"] <= 1 and state["in_sem"] <= 2
    # Drain: workers blocked on the queue are freed by putting or getting.
    for _ in range(200):
        if all(t.done() for t in tasks):
            break
        while not queue.empty():
            queue.get_nowait()
            state["got"] += 1
        if not queue.full():
            queue.put_nowait(1)
            state["put"] += 1
        async with cond:
            cond.notify_all()
        await asyncio.sleep_ms(2)
    assert all(t.done() for t in tasks), "a waiter is stuck"
    await finish(replaced + tasks)  # a cancellation is an ending; any other error raises
    # Consistent and idle: nothing held, nothing lost, nothing waiting.
    assert not lock.locked() and lock.owner is None
    assert sem._count == 2 and not sem.locked()
    assert state["put"] - state["got"] == queue.qsize()
    assert not queue._getters.busy() and not queue._putters.busy()
    assert cond._nwait == 0 and cond._turns == 0 and not cond.locked()
    assert state["in_lock"] == 0 and state["in_sem"] == 0
    # Still usable.
    async with lock:
        pass
    async with sem:
        pass
    assert state["cancels"] > OPS // 20, state


asyncio.run(main())
print("primitives_cancel_random ok")
