# aledflash: the tutorial's first demo. run() flashes the Pyboard's four LEDs, each at its own
# rate and each from its own task, then turns them off.
import asyncio
from time import ticks_add, ticks_diff, ticks_ms

import pyb


def period_ms(n):
    """LED n (1..4) toggles every period_ms(n) ms: 200, 700, 1200, 1700."""
    return 200 + 500 * (n - 1)


async def toggle(led, ms):
    # Each wake is timed from the last deadline, not from when it ran: no drift on a busy CPU.
    due = ticks_ms()
    while True:
        due = ticks_add(due, ms)
        await asyncio.sleep_ms(ticks_diff(due, ticks_ms()))
        led.toggle()


async def main(duration):
    leds = [pyb.LED(n) for n in range(1, 5)]
    tasks = [asyncio.create_task(toggle(led, period_ms(n))) for n, led in enumerate(leds, 1)]
    await asyncio.sleep_ms(int(duration * 1000))
    for task in tasks:
        task.cancel()
    for led in leds:
        led.off()


def run(duration=10):
    print("Flash LEDs for {} s".format(duration))
    asyncio.run(main(duration))
