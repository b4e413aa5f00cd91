# astests, first half: the Switch demos and the Pushbutton coroutine demos, played through the
# fake pins; each step checks how often each LED toggled.
import asyncio

import astests
from machine import Pin
from pyb import LED
from testkit import play_demo

# Each step: (level of X1, ms to wait, expected (red, green, yellow, blue) toggles or None).
CHECKS = (
    (astests.sw_coros, (), ((0, 100, None), (1, 1300, (2, 2, 0, 0)))),
    (astests.sw_callbacks, (), ((0, 100, None), (1, 100, None), (0, 100, None),
                                (1, 100, (2, 2, 0, 0)))),
    (astests.btn_coros, (), ((0, 100, None), (1, 1300, (2, 2, 0, 0)))),
    (astests.btn_coros, (True,), ((0, 100, None), (1, 200, (1, 0, 0, 0)),
                                  (1, 1300, (2, 2, 0, 0)))),
)


async def main():
    pin = Pin("X1", Pin.IN, Pin.PULL_UP)
    leds = [LED(n) for n in range(1, 5)]
    for demo, args, steps in CHECKS:
        await play_demo(demo, args, steps, pin, leds)


asyncio.run(main())
print("astests switch ok")
