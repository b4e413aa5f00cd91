# Late edges (fakeboard.edges("late")): a hard IRQ is held pending on its EXTI line and delivered
# at the next scheduler pass, so edges in between merge into one, as when the CPU is busy or
# interrupts are off. The drivers must then still get it right: the Encoder sees a second edge
# that undid the first and counts nothing, a bouncing Pushbutton reports one press.
import asyncio

import fakeboard
from machine import Pin
from primitives import Encoder, Pushbutton

hits = bytearray(2)


def count(p):
    hits[0] += 1
    hits[1] = p.value()


async def delivery():
    pin = Pin("X5", Pin.IN, Pin.PULL_DOWN)
    pin.irq(count, hard=True)
    fakeboard.level(pin, 1)
    assert hits[0] == 0  # pending: nothing ran yet
    await asyncio.sleep_ms(0)
    assert hits[0] == 1 and hits[1] == 1, hits
    for _ in range(3):  # six edges between two passes: one IRQ, reading the level now
        fakeboard.level(pin, 0)
        fakeboard.level(pin, 1)
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(0)
    assert hits[0] == 2 and hits[1] == 0, hits
    fakeboard.level(pin, 1)
    fakeboard.deliver()  # a test can deliver them itself
    assert hits[0] == 3
    pin.irq(None)
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(0)
    assert hits[0] == 3


async def encoder():
    x = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
    y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
    changed = asyncio.Event()
    enc = Encoder(x, y, delay=0, callback=lambda v, d: changed.set())
    for _ in range(20):  # jitter: X up and down again before the handler runs
        fakeboard.level(x, 1)
        fakeboard.level(x, 0)
        await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(30)
    assert enc.value() == 0 and not changed.is_set(), enc.value()
    for levels in ((1, 0), (1, 1), (0, 1), (0, 0)):  # forwards, one edge per pass
        fakeboard.level(x, levels[0])
        fakeboard.level(y, levels[1])
        await asyncio.wait_for_ms(changed.wait(), 1000)
        changed.clear()
    assert enc.value() == 4, enc.value()
    enc.deinit()


async def bounce():
    pin = Pin("X6", Pin.IN, Pin.PULL_UP)
    pb = Pushbutton(pin, irq=True)
    log = []
    pb.press_func(log.append, ("press",))
    pb.release_func(log.append, ("release",))
    await asyncio.sleep_ms(20)
    for level in (0, 1, 0, 1, 0):  # contact bounce, all before one pass
        fakeboard.level(pin, level)
    await asyncio.sleep_ms(200)
    for level in (1, 0, 1, 0, 1):
        fakeboard.level(pin, level)
    await asyncio.sleep_ms(200)
    assert log == ["press", "release"], log
    pb.deinit()


async def main():
    fakeboard.edges("late")
    await delivery()
    await encoder()
    await bounce()
    fakeboard.edges("now")


asyncio.run(main())
print("late edges ok")
