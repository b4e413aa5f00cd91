# Hinch v3's primitives.events: ESwitch and EButton (polled and IRQ), ELO, WaitAny/WaitAll
# (clear() skips members without one; a member's error reaches the caller of wait()), and
# cancellation and deinit() of each.
import asyncio

import fakeboard
from fastpoll import Flag
from machine import Pin
from primitives import ELO, EButton, ESwitch, WaitAll, WaitAny
from testkit import times_out

# Hinch's module path, as his users import from it: the drivers (here in their own modules,
# served by events' __getattr__) and a star import, which looks __all__ up through it.
star = {}
exec("from primitives.events import EButton as EB, ESwitch as ES\n"
     "from primitives.events import *", star)
assert star["EB"] is EButton and star["ES"] is ESwitch, star
assert {"ELO", "Event", "WaitAll", "WaitAny", "ESwitch", "EButton"} <= set(star), star
assert not hasattr(__import__("primitives.events").events, "Nope")

CLICK = 100  # held for 2 debounce periods


async def seen(ev, ms=2000):
    await asyncio.wait_for_ms(ev.wait(), ms)
    ev.clear()


async def eswitch(irq, name):
    pin = Pin(name, Pin.IN, Pin.PULL_UP)
    sw = ESwitch(pin, irq=irq)
    assert sw() == 0 and not sw.close.is_set() and not sw.open.is_set()
    fakeboard.level(pin, 0)
    await seen(sw.close)
    assert sw() == 1 and not sw.open.is_set()
    fakeboard.level(pin, 1)
    await seen(sw.open)
    assert sw() == 0
    # lopen=0: a switch to the supply rail, open at 0.
    pin2 = Pin("Y4", Pin.IN, Pin.PULL_DOWN)
    sw2 = ESwitch(pin2, lopen=0)
    fakeboard.level(pin2, 1)
    await seen(sw2.close)
    task = sw._task
    sw.deinit()
    sw2.deinit()
    fakeboard.level(pin2, None)  # let go: the next run starts with it open
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(CLICK)
    assert task.done() and not sw.close.is_set()
    fakeboard.level(pin, 1)


async def click(pin, ms=CLICK):
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(ms)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(ms)


def states(eb):
    return [name for name in ("press", "double", "long", "release")
            if getattr(eb, name).is_set()]


def clear(eb):
    for name in ("press", "double", "long", "release"):
        getattr(eb, name).clear()


async def ebutton(irq, name):
    pin = Pin(name, Pin.IN, Pin.PULL_UP)
    eb = EButton(pin, irq=irq)
    assert eb._ld is None and eb._dd is None  # timers are made when first needed
    assert EButton.long_press_ms == 1000 and EButton.double_click_ms == 400
    fakeboard.level(pin, 0)
    await seen(eb.press)
    assert eb() and eb.rawstate()
    fakeboard.level(pin, 1)
    await seen(eb.release)
    await asyncio.sleep_ms(500)  # past the double click time
    assert states(eb) == [], states(eb)
    await click(pin)
    await click(pin)
    assert "double" in states(eb), states(eb)
    clear(eb)
    await asyncio.sleep_ms(500)
    fakeboard.level(pin, 0)
    await seen(eb.long)
    assert states(eb) == ["press"]
    fakeboard.level(pin, 1)
    await seen(eb.release)
    clear(eb)

    # suppress: a single click sets press and release together, after the double click time;
    # a double click sets double and release, no press.
    pin2 = Pin("Y3", Pin.IN, Pin.PULL_UP)
    sb = EButton(pin2, suppress=True)
    await click(pin2)
    assert states(sb) == [], states(sb)
    await seen(sb.press)
    assert sb.release.is_set()
    clear(sb)
    await asyncio.sleep_ms(500)
    await click(pin2)
    await click(pin2)
    assert states(sb) == ["double", "release"], states(sb)
    await asyncio.sleep_ms(500)
    assert "press" not in states(sb), states(sb)

    tasks = [eb._task, eb._ld._task, eb._dd._task, sb._task]
    eb.deinit()
    sb.deinit()
    eb.deinit()  # twice: nothing
    await asyncio.sleep_ms(20)
    assert all(t.done() for t in tasks)
    assert states(eb) == [] and states(sb) == []
    await click(pin)
    assert states(eb) == []


async def elo():
    async def work(ms, result):
        await asyncio.sleep_ms(ms)
        return result

    a = ELO(work, 50, "a")
    b = ELO(asyncio.create_task(work(2000, "b")))
    ev = asyncio.Event()
    any_ = WaitAny((a, b, ev))
    assert await any_.wait() is a and any_.event() is a
    assert await a() == "a"  # the task, awaited again for its result
    any_.clear()  # ELO has no clear(): skipped
    b().cancel()
    await asyncio.wait_for_ms(b.wait(), 500)  # cancelled: wait() returns
    assert isinstance(b(), asyncio.CancelledError)
    await asyncio.wait_for_ms(WaitAll((ELO(work, 10, 1), ELO(work, 30, 2))).wait(), 1000)


async def groups():
    e1, e2 = asyncio.Event(), asyncio.Event()
    all_ = WaitAll((e1, e2))
    t = asyncio.create_task(all_.wait())
    e1.set()
    await asyncio.sleep_ms(10)
    assert not t.done()
    e2.set()
    await asyncio.wait_for_ms(t, 500)
    all_.clear()
    assert not e1.is_set() and not e2.is_set()
    # Nested, and cancelled by a timeout: no member task is left behind.
    any_ = WaitAny((WaitAll((e1, e2)), asyncio.Event()))
    await times_out(any_.wait(), 30)
    e1.set()
    e2.set()
    assert isinstance(await asyncio.wait_for_ms(any_.wait(), 500), WaitAll)

    # A fastpoll Flag that another task already waits on: the member's RuntimeError reaches
    # the caller of wait() (it used to kill the member's task and leave wait() hanging).
    flag = Flag()
    holder = asyncio.create_task(flag.wait())
    await asyncio.sleep_ms(5)
    for group in (WaitAny((flag, asyncio.Event())), WaitAll((flag, asyncio.Event()))):
        try:
            await asyncio.wait_for_ms(group.wait(), 500)
            raise AssertionError("no RuntimeError")
        except RuntimeError:
            pass
    flag.set()
    await asyncio.wait_for_ms(holder, 500)


async def main():
    await eswitch(False, "X1")
    await eswitch(True, "X7")
    await ebutton(False, "X5")
    await ebutton(True, "X6")
    await elo()
    await groups()


asyncio.run(main())
print("v3_events ok")
