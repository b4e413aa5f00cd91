# ThreadSafeEvent and Message under real preemption, where they claim IRQ safety (set() from a
# hard IRQ), while busy tasks run between yields. A timer interrupt set()s both; a task follows
# each: no wake lost (the last set is seen), no hang, a Message's values never go back.
import asyncio

import irqkit
from threadsafe import Message, ThreadSafeEvent

# State shared with the interrupt is module-global: a hard IRQ handler's locals, closure cells
# included, must fit MicroPython's on-stack frame (11 words), or calling it allocates.
event = ThreadSafeEvent()
msg = Message()
seq = [0]  # interrupts so far


def isr(t):
    x = seq[0]
    seq[0] = x + 1
    event.set()
    msg.set(x)  # a small int: nothing allocated


async def follow_event(timer):
    # The Flag pattern: a set after clear() wakes the next wait(); one before, the read of seq
    # after clear() sees it.
    wakes = 0
    seen = 0
    while timer.running():
        await asyncio.wait_for_ms(event.wait(), 500)
        event.clear()
        s = seq[0]
        assert s >= seen and s > 0, (s, seen)
        seen = s
        wakes += 1
    return wakes, seen


async def follow_message(timer):
    # A Message holds the latest data only: values never go back, and (checked at the end) the
    # last one set is seen. value() after clear() is at least as new as any set it cleared; a
    # later set wakes the next wait() (then with the same value, at most once more).
    wakes = 0
    last = -1
    while timer.running():
        await asyncio.wait_for_ms(msg.wait(), 500)
        msg.clear()
        v = msg.value()
        assert v >= last, (v, last)
        last = v
        wakes += 1
    return wakes, last


async def main():
    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    (event_wakes, seen), (msg_wakes, msg_last) = await asyncio.gather(follow_event(timer),
                                                                      follow_message(timer))
    n = timer.done()
    await workers.stop()
    if event.is_set():  # set after the follower's last clear: it wakes the next wait()
        await asyncio.wait_for_ms(event.wait(), 500)
        event.clear()
        seen = seq[0]
    if msg.is_set():
        msg_last = await asyncio.wait_for_ms(msg.wait(), 500)
        msg.clear()
    assert n == seq[0], (n, seq[0])
    assert seen == n and not event.is_set(), (seen, n)
    assert msg_last == n - 1 and not msg.is_set(), (msg_last, n)
    for count in (event_wakes, msg_wakes, workers.turns):
        assert count >= irqkit.MIN_WAKES, (event_wakes, msg_wakes, workers.turns)
    print("threadsafe event ok:", n, "sets; event", event_wakes, "wakes; message", msg_wakes,
          "wakes")


asyncio.run(main())
