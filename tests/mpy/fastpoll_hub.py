# However many fastpoll objects are waited on, asyncio's poller sees one object (the hub); each
# object still wakes only its own task, in a hard IRQ (heap locked) as from a task.
import asyncio
from asyncio import core

import fastpoll
import micropython
from testkit import times_out

N = 100
woken = []


async def waiter(i, obj):
    await obj.wait()
    woken.append(i)


async def main():
    q = core._io_queue
    flags = [fastpoll.Flag() for _ in range(N)]
    tasks = [asyncio.create_task(waiter(i, f)) for i, f in enumerate(flags)]
    await asyncio.sleep(0)
    assert len(q.map) == 1, q.map  # the hub alone

    # IRQ-style sets with the heap locked wake exactly those tasks.
    micropython.heap_lock()
    flags[7].set()
    flags[42].set()
    micropython.heap_unlock()
    for _ in range(3):
        await asyncio.sleep(0)
    assert sorted(woken) == [7, 42], woken

    # Cancelling some waiters leaves the others waiting; a set on a cancelled one wakes nobody.
    tasks[3].cancel()
    tasks[99].cancel()
    await asyncio.sleep(0)
    flags[3].set()
    flags[5].set()
    for _ in range(3):
        await asyncio.sleep(0)
    assert sorted(woken) == [5, 7, 42], woken
    assert len(q.map) == 1

    # The rest, all at once.
    for f in flags:
        f.set()
    for i in (3, 7, 42, 5, 99):
        flags[i].clear()
    await asyncio.gather(*(t for i, t in enumerate(tasks) if i not in (3, 99)))
    assert sorted(woken) == [i for i in range(N) if i not in (3, 99)]
    await asyncio.sleep(0)
    assert not q.map  # nothing waits: the hub has left the poller

    # Bits (read every pass while waited on) and a Flag together.
    reg = bytearray(1)
    bits, flag = fastpoll.Bits(reg, 2), fastpoll.Flag()
    woken.clear()
    tb = asyncio.create_task(waiter("bits", bits))
    tf = asyncio.create_task(waiter("flag", flag))
    await asyncio.sleep(0)
    reg[0] = 2
    await tb
    assert woken == ["bits"] and not tf.done()
    flag.set()
    await tf
    assert woken == ["bits", "flag"]

    # wait_for: a timeout unregisters, a set in time returns.
    await times_out(flag.wait())
    assert not q.map
    flag.set()
    await asyncio.wait_for_ms(flag.wait(), 1000)


asyncio.run(main())

# A task left waiting when its loop is replaced does not block the object in the new loop.
stale = fastpoll.Flag()


async def leave_waiting():
    asyncio.create_task(stale.wait())
    await asyncio.sleep(0)


asyncio.run(leave_waiting())
asyncio.new_event_loop()


async def set_later():
    await asyncio.sleep_ms(5)
    stale.set()


async def wait_again():
    asyncio.create_task(set_later())
    await stale.wait()  # no "another task is waiting" from the old loop's task


asyncio.run(wait_again())
print("ok")
