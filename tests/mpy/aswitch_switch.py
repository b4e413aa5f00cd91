# Switch, polled and IRQ-driven: close/open callbacks (functions and coroutines), the debounced
# state, bounces shorter than the debounce period, events, deinit.
import asyncio

from aswitch import Switch
from machine import Pin


async def bouncy(pin, level):
    for _ in range(3):  # 6 flips in about 10 ms: inside the 50 ms debounce period
        pin(level)
        await asyncio.sleep_ms(1)
        pin(1 - level)
        await asyncio.sleep_ms(1)
    pin(level)


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
    pin(0)
    await asyncio.sleep_ms(100)
    assert log == ["close"] and sw() == 0, log
    pin(1)
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
    sw.open_func(False)
    sw.open.clear()
    assert not sw.close.is_set()
    pin(0)
    await asyncio.wait_for_ms(sw.close.wait(), 2000)
    assert not sw.open.is_set()
    pin(1)
    await asyncio.wait_for_ms(sw.open.wait(), 2000)
    assert log == [], log

    # A shorter debounce period for this switch only.
    sw.debounce_ms = 10
    sw.close_func(log.append, ("close",))
    await asyncio.sleep_ms(60)  # the period already begun runs out first
    pin(0)
    await asyncio.sleep_ms(40)
    pin(1)
    await asyncio.sleep_ms(40)
    assert log == ["close"], log
    assert Switch.debounce_ms == 50

    sw.deinit()
    await asyncio.sleep_ms(20)  # a cancelled task runs before this sleep ends
    assert task.done()
    pin(0)
    await asyncio.sleep_ms(100)
    pin(1)
    assert log == ["close"], log


async def main():
    await asyncio.gather(check(False, "X7"), check(True, "X8"))


asyncio.run(main())
print("switch ok")
