# Switch and Pushbutton on X1 (pull-up: pressed is low), pressed through the wire by X2:
# close/open, click, double click and long press, polled and by IRQ.
import asyncio

from machine import Pin
from primitives import Pushbutton, Switch

x1 = Pin("X1", Pin.IN, Pin.PULL_UP)
x2 = Pin("X2", Pin.OUT, value=1)
HOLD = 150  # 3 debounce periods


async def press(ms=HOLD):
    x2(0)
    await asyncio.sleep_ms(ms)
    x2(1)
    await asyncio.sleep_ms(HOLD)


async def switch(irq):
    sw = Switch(x1, irq=irq)
    log = []
    sw.close_func(log.append, ("close",))
    sw.open_func(log.append, ("open",))
    await asyncio.sleep_ms(HOLD)
    await press()
    assert log == ["close", "open"], (irq, log)
    sw.deinit()


async def button(irq):
    pb = Pushbutton(x1, irq=irq)
    log = []
    for what in ("press", "release", "double", "long"):
        getattr(pb, what + "_func")(log.append, (what,))
    await asyncio.sleep_ms(HOLD)
    await press()
    assert log == ["press", "release"], (irq, log)
    await asyncio.sleep_ms(500)
    log.clear()
    await press(100)
    await press(100)
    assert log == ["press", "release", "press", "double", "release"], (irq, log)
    await asyncio.sleep_ms(500)
    log.clear()
    await press(pb.long_press_ms + 200)
    assert log == ["press", "long", "release"], (irq, log)
    pb.deinit()


async def main():
    for irq in (False, True):
        await switch(irq)
        await button(irq)


asyncio.run(main())
x2.init(Pin.IN)
