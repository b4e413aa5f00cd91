# Switch, polled and IRQ-driven: close/open callbacks (functions and coroutines), the debounced
# state, bounces shorter than the debounce period, events, deinit.
import asyncio

import fakeboard
from aswitch import Switch
from machine import Pin


async def bouncy(pin, level):
    for _ in range(3):  # 6 flips in about 10 ms: inside the 50 ms debounce period
        fakeboard.level(pin, level)
        await asyncio.sleep_ms(1)
        fakeboard.level(pin, 1 - level)
        await asyncio.sleep_ms(1)
    fakeboard.level(pin, level)


async def check(irq, name):
    log = []
    pin = Pin(name, Pin.IN, Pin.PULL_UP)
    sw = Switch(pin, irq=irq)
    task = sw._task
    assert Switch.debounce_ms == 50 and sw() == 1

    async def opened(tag):
        await asyncio.sleep_ms(5)
        log.append(tag)

    sw.close_func(log.append, ("close",))
    sw.open_func(opened, ("open",))
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(100)
    assert log == ["close"] and sw() == 0, log
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(100)
    assert log == ["close", "open"] and sw() == 1, log
    log.clear()

    await bouncy(pin, 0)
    await asyncio.sleep_ms(100)
    await bouncy(pin, 1)
    await asyncio.sleep_ms(100)
    assert log == ["close", "open"], log
    log.clear()

    # Events, with the callbacks off (None: the event only, as Hinch's; it is cleared).
    sw.close_func(None)
    sw.open_func(None)
    assert not sw.close.is_set()
    fakeboard.level(pin, 0)
    await asyncio.wait_for_ms(sw.close.wait(), 2000)
    assert not sw.open.is_set()
    fakeboard.level(pin, 1)
    await asyncio.wait_for_ms(sw.open.wait(), 2000)
    assert log == [], log

    # A shorter debounce period for this switch only.
    sw.debounce_ms = 10
    sw.close_func(log.append, ("close",))
    await asyncio.sleep_ms(60)  # the period already begun runs out first
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(40)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(40)
    assert log == ["close"], log
    assert Switch.debounce_ms == 50

    sw.deinit()
    await asyncio.sleep_ms(20)  # a cancelled task runs before this sleep ends
    assert task.done()
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(100)
    fakeboard.level(pin, 1)
    assert log == ["close"], log


async def main():
    await asyncio.gather(check(False, "X7"), check(True, "X8"))


asyncio.run(main())
print("switch ok")
