# Every user callback of every driver raises: the error reaches the event loop's exception
# handler (printed by default; set_global_exception() makes it end the program), and the driver
# goes on working: its next event runs the callback again. Then deinit() of each driver from
# every context: its own callback, another task, a soft callback while the loop idles with its
# task the last to run; each leaves no task of it alive.
import asyncio

import fakeboard
from machine import Pin
from primitives import Delay_ms, Encoder, Pushbutton, Switch
from testkit import idle_done, when_idle

errors = []
calls = []


def handler(loop, context):
    errors.append(context["exception"])


def bad(*args):
    calls.append(args)
    raise ValueError("user callback")


P = Pin("X5", Pin.IN, Pin.PULL_UP)
S = Pin("X6", Pin.IN, Pin.PULL_UP)
EX = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
EY = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
QUAD = ((1, 0), (1, 1), (0, 1), (0, 0))


def reset_pins():
    for pin, v in ((P, 1), (S, 1), (EX, 0), (EY, 0)):
        fakeboard.level(pin, v)


async def press(pin):
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(80)
    fakeboard.level(pin, 1)
    await asyncio.sleep_ms(80)


async def step(i):
    x, y = QUAD[i % 4]
    fakeboard.level(EX, x)
    fakeboard.level(EY, y)
    await asyncio.sleep_ms(30)


async def raising():
    reset_pins()
    dl = Delay_ms(bad, duration=10)
    pb = Pushbutton(P)
    pb.press_func(bad, ("press",))
    sw = Switch(S)
    sw.close_func(bad, ("close",))
    enc = Encoder(EX, EY, delay=0, callback=bad)
    for i in range(2):  # the second round shows each driver survived the first
        calls.clear()
        errors.clear()
        dl.trigger()
        await asyncio.sleep_ms(40)
        await press(P)
        await press(S)
        await step(i)
        names = [c[0] if c and isinstance(c[0], str) else "x" for c in calls]
        assert sorted(names) == ["close", "press", "x", "x"], (i, calls)
        assert len(errors) == 4 and all(isinstance(e, ValueError) for e in errors), errors
    for d in (dl, pb, sw, enc):
        d.deinit()
    print("raising callbacks ok")


def tasks_of(d):
    return [t for t in (getattr(d, "_task", None),) if t is not None]


async def deinits():
    reset_pins()
    # From another task.
    made = [Delay_ms(), Encoder(EX, EY), Pushbutton(P), Switch(S)]
    await asyncio.sleep_ms(20)
    ts = [t for d in made for t in tasks_of(d)]

    async def other():
        for d in made:
            d.deinit()

    await asyncio.create_task(other())
    await asyncio.sleep_ms(20)
    assert all(t.done() for t in ts), "deinit() from another task"
    # From a soft callback while the loop idles, each driver's task the last to run.
    for make in (lambda: Delay_ms(), lambda: Encoder(EX, EY)):
        d = make()
        t = d._task
        call = when_idle(d.deinit, last=t)
        await asyncio.sleep_ms(30)
        idle_done(call)
        await asyncio.sleep_ms(30)
        assert d._task is None and t.done(), ("deinit() while idle", d)
    # From its own callback (a function, in the driver's task).
    dl = Delay_ms(duration=10)
    dl.callback(dl.deinit)
    t = dl._task
    dl.trigger()
    await asyncio.sleep_ms(50)
    assert t.done(), "deinit() from Delay_ms's own callback"
    enc = Encoder(EX, EY, delay=0)
    t = enc._task
    enc_cb = []

    def enc_quit(v, d):
        enc_cb.append(v)
        enc.deinit()

    enc = Encoder(EX, EY, delay=0, callback=enc_quit)
    t = enc._task
    await step(0)
    await step(1)
    await asyncio.sleep_ms(30)
    assert enc_cb == [1] and t.done(), ("deinit() from Encoder's own callback", enc_cb)
    print("deinit from every context ok")


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    await raising()
    await deinits()


asyncio.run(main())
