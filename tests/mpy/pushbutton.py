# Pushbutton without suppress, polled and IRQ-driven: single click, double click, long press,
# press+hold+release, bounces shorter than the debounce period, two buttons at once,
# coroutine callbacks, the event interface, deinit. A polled button may see a level up to one
# 50 ms debounce period late, more on a busy host: pulses and gaps are 3 periods long, and the
# windows they must fit in have hundreds of ms to spare.
import asyncio

import fakeboard
from aswitch import Pushbutton
from machine import Pin

CLICK = 150  # ms: a click's press, and the gap between the two of a double
DOUBLE = 600  # double_click_ms: two clicks, press to press, take 2 * CLICK + the delays
LONG = 1200  # long_press_ms: room for another button's double click before it
APART = DOUBLE + 200  # after a click that may start a double, so that none does
SEEN = 2 * CLICK  # for a change to be seen when no double is pending


async def click(pin, ms=CLICK):
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(ms)
    fakeboard.level(pin, 1)


async def double(pin):
    await click(pin)
    await asyncio.sleep_ms(CLICK)
    await click(pin)


async def bouncy(pin, level):
    # Contact bounce: 6 flips in about 10 ms, well inside the 50 ms debounce period.
    for _ in range(3):
        fakeboard.level(pin, level)
        await asyncio.sleep_ms(1)
        fakeboard.level(pin, 1 - level)
        await asyncio.sleep_ms(1)
    fakeboard.level(pin, level)


def make(pin, log, irq, name=""):
    pb = Pushbutton(pin, irq=irq)
    pb.double_click_ms = DOUBLE
    pb.long_press_ms = LONG
    for what in ("press", "release", "double", "long"):
        getattr(pb, what + "_func")(log.append, (name + what,))
    return pb


async def check(irq, name1, name2):
    log = []
    pin = Pin(name1, Pin.IN, Pin.PULL_UP)
    pb = make(pin, log, irq)
    tasks = [pb._task]
    assert pb._ld is None and pb._dd is None  # timers are made at the first press
    assert not pb() and not pb.rawstate()

    await click(pin)  # single click
    await asyncio.sleep_ms(APART)
    assert log == ["press", "release"], log
    log.clear()

    await double(pin)
    await asyncio.sleep_ms(APART)
    assert log == ["press", "release", "press", "double", "release"], log
    log.clear()

    fakeboard.level(pin, 0)  # long press, then hold a while longer before releasing
    await asyncio.sleep_ms(LONG // 2)
    assert log == ["press"] and pb(), log
    await asyncio.sleep_ms(LONG)
    assert log == ["press", "long"], log
    await asyncio.sleep_ms(CLICK)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(SEEN)
    assert log == ["press", "long", "release"] and not pb(), log
    log.clear()

    await bouncy(pin, 0)  # bounces on press and release are ignored
    await asyncio.sleep_ms(CLICK)
    await bouncy(pin, 1)
    await asyncio.sleep_ms(APART)
    assert log == ["press", "release"], log
    log.clear()

    # Two buttons at once: one held long while the other double-clicks.
    pin2 = Pin(name2, Pin.IN, Pin.PULL_UP)
    pb2 = make(pin2, log, irq, "2")
    tasks += [pb2._task]
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(CLICK)
    await double(pin2)
    await asyncio.sleep_ms(LONG)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(SEEN)
    assert log == ["press", "2press", "2release", "2press", "2double", "2release", "long",
                   "release"], log
    log.clear()

    # Coroutine callbacks, and changing callbacks at run time; False disables one.
    async def coro(tag):
        await asyncio.sleep_ms(20)
        log.append(tag)

    pb.press_func(coro, ("cpress",))
    pb.release_func(False)
    pb.double_func(False)
    pb.long_func()  # the default, False
    await click(pin)
    await asyncio.sleep_ms(SEEN)
    assert log == ["cpress"], log
    log.clear()

    # The event interface: press/release/double/long are Events; *_func(None) selects one
    # (Hinch's way). Reading the property selects one too, unless *_func(False) disabled it:
    # double and long stay off until their None.
    pb.press_func(None)
    pb.release_func(None)
    assert not pb.double.is_set()
    await double(pin)
    await asyncio.sleep_ms(SEEN)
    assert pb.press.is_set() and not pb.double.is_set()
    pb.double_func(None)
    pb.long_func(None)
    await double(pin)
    await asyncio.wait_for_ms(pb.double.wait(), 3000)
    assert pb.press.is_set() and pb.release.is_set()
    pb.long.clear()
    await asyncio.sleep_ms(SEEN)  # the second release
    fakeboard.level(pin, 0)
    await asyncio.wait_for_ms(pb.long.wait(), 3000)
    fakeboard.level(pin, 1)
    assert log == [], log

    # deinit: every task of both buttons ends and presses do nothing more.
    tasks += [t._task for b in (pb, pb2) for t in (b._ld, b._dd) if t is not None]
    for b in (pb, pb2):
        b.deinit()
    await asyncio.sleep_ms(20)  # cancelled tasks run before this sleep ends
    assert all(t.done() for t in tasks)
    pb.press.clear()
    await click(pin)
    await click(pin2)
    await asyncio.sleep_ms(SEEN)
    assert log == [] and not pb.press.is_set()


async def main():
    # Polled and IRQ-driven buttons side by side, on their own pins.
    await asyncio.gather(check(False, "X1", "X5"), check(True, "X3", "X4"))


asyncio.run(main())
print("pushbutton ok")
