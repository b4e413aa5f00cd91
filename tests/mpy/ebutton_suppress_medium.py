# DRIVERS.md 4.6: with suppress=True a short press sets press and release, a double click double
# and release, a long press long and release. A press held past double_click_ms but released
# before long_press_ms is a short press too (as Pushbutton reports it): press and release.
import asyncio

import fakeboard
from machine import Pin
from primitives import EButton

EButton.double_click_ms = 300
EButton.long_press_ms = 900
NAMES = ("press", "double", "long", "release")


def states(eb):
    got = [n for n in NAMES if getattr(eb, n).is_set()]
    for n in NAMES:
        getattr(eb, n).clear()
    return got


async def hold(pin, ms, after):
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(ms)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(after)


async def main():
    pin = Pin("X5", Pin.IN, Pin.PULL_UP)
    eb = EButton(pin, suppress=True)
    await hold(pin, 600, 400)  # medium
    got = states(eb)
    assert got == ["press", "release"], got
    await hold(pin, 100, 400)  # short
    assert states(eb) == ["press", "release"]
    await hold(pin, 100, 100)  # double
    await hold(pin, 100, 400)
    assert states(eb) == ["double", "release"]
    await hold(pin, 1300, 400)  # long
    assert states(eb) == ["long", "release"]
    eb.deinit()


asyncio.run(main())
print("ebutton suppress ok")
