# Pushbutton(suppress=True): no release after a long press or within a double click, and a
# single click's release only once it can no longer become a double. Polled and IRQ-driven.
import asyncio

import fakeboard
from aswitch import Pushbutton
from machine import Pin


async def click(pin, ms=80):
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(ms)
    fakeboard.level(pin, 1)


async def check(irq, name):
    log = []
    pin = Pin(name, Pin.IN, Pin.PULL_UP)
    pb = Pushbutton(pin, suppress=True, irq=irq)
    pb.double_click_ms = 300
    pb.long_press_ms = 700

    async def note(tag):  # coroutine callbacks work the same way
        log.append(tag)

    pb.press_func(log.append, ("press",))
    pb.release_func(note, ("release",))
    pb.double_func(log.append, ("double",))
    pb.long_func(note, ("long",))

    # Single click: the release comes when the double-click time has run out.
    await click(pin)
    await asyncio.sleep_ms(60)
    assert log == ["press"], log
    await asyncio.sleep_ms(400)
    assert log == ["press", "release"], log
    log.clear()

    # Double click: no release for either click.
    await click(pin)
    await asyncio.sleep_ms(80)
    await click(pin)
    await asyncio.sleep_ms(450)
    assert log == ["press", "press", "double"], log
    log.clear()

    # Long press: no release.
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(900)
    assert log == ["press", "long"], log
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(450)
    assert log == ["press", "long"], log
    log.clear()

    # Held past the double-click time but released before a long press: release on release.
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(450)
    assert log == ["press"], log
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(100)
    assert log == ["press", "release"], log
    log.clear()

    # Without a double function a click's release is immediate; a long press still has none.
    pb.double_func(False)
    await click(pin)
    await asyncio.sleep_ms(100)
    assert log == ["press", "release"], log
    log.clear()
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(900)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(100)
    assert log == ["press", "long"], log
    pb.deinit()


async def main():
    await asyncio.gather(check(False, "X5"), check(True, "X6"))


asyncio.run(main())
print("suppress ok")
