# astests, second half: the Pushbutton callback and event demos and the Delay_ms demo, played
# through the fake pins; then one demo run as a user would, ending on its duration.
import asyncio

import astests
import pyb
from machine import Pin
from testkit import play_demo

# Each step: (level of X1, ms to wait, expected (red, green, yellow, blue) toggles or None).
CHECKS = (
    (astests.btn_callbacks, (), (
        (0, 100, None), (1, 600, (1, 1, 0, 0)),  # click
        (0, 100, None), (1, 100, None), (0, 100, None), (1, 600, (3, 3, 1, 0)),  # double
        (0, 1300, (4, 3, 1, 1)), (1, 200, (4, 4, 1, 1)),  # long press
    )),
    (astests.btn_events, (), ((0, 100, None), (1, 800, (2, 2, 0, 0)))),
    (astests.delay, (), ((0, 100, None), (1, 500, None), (0, 100, None), (1, 500, (0, 0, 0, 1)),
                         (1, 700, (0, 0, 0, 2)))),
)


async def main():
    pin = Pin("X1", Pin.IN, Pin.PULL_UP)
    leds = [pyb.LED(n) for n in range(1, 5)]
    for demo, args, steps in CHECKS:
        await play_demo(demo, args, steps, pin, leds)


asyncio.run(main())
astests.test_btncb(duration=0.3)
assert not any(pyb.LED(n).intensity() for n in range(1, 5))
print("astests button ok")
