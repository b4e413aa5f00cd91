# astests: the tutorial's demos of Switch, Pushbutton and Delay_ms on a Pyboard.
#
# Wire a switch or button from X1 to GND (or pass pin=pyb.Switch() for the USR button to the
# Pushbutton demos) and watch the LEDs: red 1, green 2, yellow 3, blue 4. A demo ends when X2
# is grounded, or after duration seconds if given. The tests play each demo through the test
# builds' fake pins (tests/mpy/astests_demos*.py).
import asyncio
from time import ticks_diff, ticks_ms

from machine import Pin
from primitives import Delay_ms, Pushbutton, Switch
from pyb import LED


async def pulse(led, ms):
    led.on()
    await asyncio.sleep_ms(ms)
    led.off()


def toggle(led):
    led.toggle()


async def evt_pulse(event, led):
    while True:
        event.clear()
        await event.wait()
        await pulse(led, 500)


# Each demo: build it on pin with leds (red, green, yellow, blue); return what to stop at the end.
def sw_coros(pin, leds):
    sw = Switch(pin)
    sw.close_func(pulse, (leds[1], 1000))
    sw.open_func(pulse, (leds[0], 1000))
    return [sw]


def sw_callbacks(pin, leds):
    sw = Switch(pin)
    sw.close_func(toggle, (leds[0],))
    sw.open_func(toggle, (leds[1],))
    return [sw]


def btn_coros(pin, leds, suppress=False, lf=True, df=True):
    pb = Pushbutton(pin, suppress)
    pb.press_func(pulse, (leds[0], 1000))
    pb.release_func(pulse, (leds[1], 1000))
    if df:
        pb.double_func(pulse, (leds[2], 1000))
    if lf:
        pb.long_func(pulse, (leds[3], 1000))
    return [pb]


def btn_callbacks(pin, leds):
    pb = Pushbutton(pin)
    for what, led in zip(("press", "release", "double", "long"), leds):
        getattr(pb, what + "_func")(toggle, (led,))
    return [pb]


def btn_events(pin, leds):
    pb = Pushbutton(pin)
    events = (pb.press, pb.release, pb.double, pb.long)
    return [pb] + [asyncio.create_task(evt_pulse(ev, led)) for ev, led in zip(events, leds)]


def delay(pin, leds):
    # Blue stays lit until 1 s after the last press: each press retriggers the delay.
    blue = leds[3]
    d = Delay_ms(blue.off, duration=1000)
    pb = Pushbutton(pin)

    def press():
        blue.on()
        d.trigger()

    pb.press_func(press)
    return [pb, d]


def _stop(things, leds):
    for t in things:
        (t.deinit if hasattr(t, "deinit") else t.cancel)()
    for led in leds:
        led.off()


def _run(text, demo, pin, duration, *args):
    print(text)
    print("Input: X1 to GND. Ground X2 to stop.")

    async def main():
        leds = [LED(n) for n in range(1, 5)]
        things = demo(Pin("X1", Pin.IN, Pin.PULL_UP) if pin is None else pin, leds, *args)
        stop = Pin("X2", Pin.IN, Pin.PULL_UP)
        t0 = ticks_ms()
        while stop.value() and (duration is None or ticks_diff(ticks_ms(), t0) < duration * 1000):
            await asyncio.sleep_ms(50)
        _stop(things, leds)

    asyncio.run(main())


def test_sw(pin=None, duration=None):
    _run("Switch, coroutines: close pulses green, open pulses red.", sw_coros, pin, duration)


def test_swcb(pin=None, duration=None):
    _run("Switch, callbacks: close toggles red, open toggles green.", sw_callbacks, pin, duration)


def test_btn(suppress=False, lf=True, df=True, pin=None, duration=None):
    _run("Pushbutton, coroutines: press pulses red, release green, double click yellow, long "
         "press blue.", btn_coros, pin, duration, suppress, lf, df)


def test_btncb(pin=None, duration=None):
    _run("Pushbutton, callbacks: press toggles red, release green, double click yellow, long "
         "press blue.", btn_callbacks, pin, duration)


def btn_event(pin=None, duration=None):
    _run("Pushbutton, events: press pulses red, release green, double click yellow, long press "
         "blue.", btn_events, pin, duration)


def test_delay(pin=None, duration=None):
    _run("Delay_ms: each press lights blue until 1 s after the last press.", delay, pin, duration)

