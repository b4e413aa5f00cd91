# Pushbutton on the USR switch (pyb.Switch(), polled: it has no irq()), and active-high buttons
# (a pull-down, pressed reads 1) given sense= or sensing it at construction, polled and by IRQ.
import asyncio

import fakeboard
import pyb
from machine import Pin
from primitives import Pushbutton
from testkit import raises

HOLD = 150  # 3 debounce periods: a polled button sees every level


async def click(pin, pressed, ms=HOLD):
    fakeboard.level(pin, pressed)
    await asyncio.sleep_ms(ms)
    fakeboard.level(pin, 1 - pressed)
    await asyncio.sleep_ms(HOLD)


def record(pb):
    log = []
    for what in ("press", "release", "double", "long"):
        getattr(pb, what + "_func")(log.append, (what,))
    return log


async def usr_switch():
    sw = Pin("SW")  # the switch's pin: pressed pulls it to 0
    pb = Pushbutton(pyb.Switch())
    log = record(pb)
    await asyncio.sleep_ms(HOLD)
    assert not pb()
    await click(sw, 0)
    assert log == ["press", "release"], log
    await asyncio.sleep_ms(500)  # past the double-click time
    await click(sw, 0)
    await click(sw, 0)
    assert log[2:] == ["press", "release", "press", "double", "release"], log
    await asyncio.sleep_ms(500)
    await click(sw, 0, 1300)
    assert log[7:] == ["press", "long", "release"], log
    pb.deinit()
    # No pin IRQ on the switch: irq=True cannot work, and says so at once.
    raises(AttributeError, Pushbutton, pyb.Switch(), irq=True)
    # Nor on a pin whose EXTI line another pin's IRQ holds: X9 (B6) and Y1 (C6), line 6.
    held = Pin("X9", Pin.IN)
    held.irq(lambda p: None)
    raises(OSError, Pushbutton, Pin("Y1", Pin.IN, Pin.PULL_UP), irq=True)
    held.irq(None)


async def active_high(name, irq, sense):
    pin = Pin(name, Pin.IN, Pin.PULL_DOWN)
    if sense is not None:
        fakeboard.level(pin, 1)  # held at construction: sense= tells what "not pressed" reads
    pb = Pushbutton(pin, sense=sense, irq=irq)
    log = record(pb)
    await asyncio.sleep_ms(HOLD)
    if sense is not None:
        assert pb() and log == [], log  # it starts pressed: no press reported
        fakeboard.level(pin, 0)
        await asyncio.sleep_ms(HOLD)
        assert log == ["release"], log
        log.clear()
    await asyncio.sleep_ms(500)
    await click(pin, 1)
    assert log == ["press", "release"], (name, irq, sense, log)
    assert not pb() and pb.rawstate() is False
    fakeboard.level(pin, 1)
    assert pb.rawstate() is True
    fakeboard.level(pin, 0)
    pb.deinit()


async def main():
    await asyncio.gather(
        usr_switch(),
        active_high("X1", False, None),
        active_high("X7", True, None),
        active_high("X3", False, 0),
        active_high("X5", True, 0),
    )


asyncio.run(main())
print("usr switch and sense ok")
