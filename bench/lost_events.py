# Lost events: 100,000 events from a hard IRQ handler (the test builds' machine.Pin runs it
# with the heap locked) while the loop is busy. Stock asyncio hands IRQs to a task with a
# ThreadSafeFlag, which holds one event however many arrive between passes; fastpoll.Counter
# delivers the count. Events the task received, out of the events sent.
import asyncio
import json

import fastpoll
from machine import Pin

try:
    import fakeboard
except ImportError:  # the emulated Pyboard: the firmware itself, and QEMU's F405 has no GPIO
    fakeboard = None

SENT = 100_000
BURST = 1000  # edges between two scheduler passes


async def deliver(irq, wait, pin_id):
    pin = Pin(pin_id, Pin.IN, Pin.PULL_DOWN)
    pin.irq(irq, Pin.IRQ_RISING | Pin.IRQ_FALLING, hard=True)
    delivered = 0
    done = False

    async def consumer():
        nonlocal delivered
        while not done:
            delivered += await wait()

    task = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    level = 0
    for i in range(SENT):
        level ^= 1
        fakeboard.level(pin, level)
        if i % BURST == BURST - 1:
            await asyncio.sleep(0)
    await asyncio.sleep_ms(20)
    done = True
    task.cancel()
    pin.irq(None)
    return delivered


async def main():
    tsf = asyncio.ThreadSafeFlag()

    async def one_per_wake():
        await tsf.wait()
        return 1

    counter = fastpoll.Counter()
    return {
        "stock": await deliver(lambda p: tsf.set(), one_per_wake, "Y1"),
        "fastpoll": await deliver(lambda p: counter.add(), counter.wait, "Y2"),
    }


if fakeboard is None:
    print("SKIP no pin edges to make here (fakeboard is in the unix and qemu test builds only)")
    raise SystemExit
result = {
    "name": "lost_events",
    "what": "events a task received of {} hard-IRQ events, {} per scheduler pass".format(
        SENT, BURST
    ),
    "unit": "events",
    "better": "higher",
    "baseline": "stock",
}
result.update(asyncio.run(main()))
assert result["fastpoll"] == SENT, result
print("RESULT", json.dumps(result))
