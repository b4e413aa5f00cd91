# "Press to quit": Switch and Pushbutton deinit() from their own callbacks, polled and
# IRQ-driven. A function callback runs inside one of the driver's tasks (the pin watcher, or a
# Pushbutton timer for long press and a suppressed release); a coroutine callback runs in a task
# of its own. Either way every task of the driver ends, the pin's IRQ is off, later presses do
# nothing and a second deinit() does nothing. Every case has its own pin; all run at once.
import asyncio

import fakeboard
from aswitch import Pushbutton, Switch
from fakeboard import irq_of
from machine import Pin
from testkit import LINE_PINS, OTHER_PINS

HOLD = 250  # ms: 5 debounce periods, so a busy host still sees every level
seen = []  # what fired after a driver had quit: should stay empty


async def press(pin, ms=HOLD):
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(ms)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(HOLD)


async def case(make, set_quit, play, coro, irq, name):
    pin = Pin(name, Pin.IN, Pin.PULL_UP)
    drv = make(pin, irq)
    tasks = [drv._task]
    quit = asyncio.Event()

    def stop():
        if isinstance(drv, Pushbutton):  # its timers, made on first need
            tasks.extend(t._task for t in (drv._ld, drv._dd) if t is not None)
        drv.deinit()
        quit.set()

    async def astop():
        stop()

    set_quit(drv, astop if coro else stop)
    await play(pin)
    await asyncio.wait_for_ms(quit.wait(), 5000)
    await asyncio.sleep_ms(20)  # cancelled tasks run before this sleep ends
    where = (name, coro, irq)
    assert all(t.done() for t in tasks), where
    assert irq_of(pin) is None, where
    drv.deinit()

    # Later presses: no callback, no event.
    events = [drv.close, drv.open] if isinstance(drv, Switch) else [drv.press, drv.release]
    for ev in events:
        ev.clear()
    set_quit(drv, seen.append, (where,))
    await press(pin)
    await press(pin)
    assert not any(ev.is_set() for ev in events), where


def switch(pin, irq):
    return Switch(pin, irq=irq)


def button(pin, irq, suppress=False):
    pb = Pushbutton(pin, suppress=suppress, irq=irq)
    pb.double_click_ms = 2 * HOLD + 400  # press to press of a double
    pb.long_press_ms = HOLD
    return pb


def suppressed(pin, irq):
    pb = button(pin, irq, True)
    pb.double_func(seen.append, ("double",))  # so a click's release waits for _ddto
    return pb


async def hold(pin):
    await press(pin, 3 * HOLD)


async def double(pin):
    await press(pin)
    await press(pin)


CASES = (
    (switch, Switch.close_func, press),
    (switch, Switch.open_func, press),
    (button, Pushbutton.press_func, press),  # from the watcher
    (button, Pushbutton.long_func, hold),  # from the long-press timer
    (button, Pushbutton.double_func, double),  # from the watcher, after a double
    (suppressed, Pushbutton.release_func, press),  # from the double-click timer
)


async def main():
    runs = []
    # A pin each; those with an IRQ each on its own EXTI line.
    pins = {True: list(LINE_PINS[:12]), False: list(OTHER_PINS + LINE_PINS[12:])}
    for make, set_quit, play in CASES:
        for coro in (False, True):
            for irq in (False, True):
                runs.append(case(make, set_quit, play, coro, irq, pins[irq].pop(0)))
    await asyncio.gather(*runs)
    assert seen == [], seen


asyncio.run(main())
print("deinit ok")
