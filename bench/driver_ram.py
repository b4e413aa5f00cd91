# RAM per driver instance: ours (frozen) against Hinch's micropython-async v3 (its .py sources,
# compiled at import), both on this build in the same run. Unix only: his sources come from a
# folder that bench/report.py fills from a micropython-async git dir (HINCH_ASYNC_GIT) and names
# in the environment variable HINCH_V3_PATH; qemu has no filesystem to read them from.
#
# Each figure is the heap growth for N instances divided by N, after the driver's module is
# loaded (a first instance) and after each instance has been used once (a click, a trigger, a
# turn), so timers and tasks made on first need are counted: steady state, not just construction.
import asyncio
import gc
import json
import sys

N = 4
# Pins on distinct EXTI lines (the Encoder takes IRQs on both of its pins).
PINS = ("X1", "X2", "X3", "X4", "X5")
PINS2 = ("X6", "X7", "X8", "Y3", "Y4")
try:
    import os

    PLACE = os.getenv("HINCH_V3_PATH")
    os.stat(PLACE + "/primitives/__init__.py")
except (ImportError, AttributeError, TypeError, OSError):
    print("SKIP no Hinch v3 sources here (unix only; bench/report.py fetches them from the git"
          " dir HINCH_ASYNC_GIT names)")
    raise SystemExit

import fakeboard  # noqa: E402  (the test builds' stand-ins: after the SKIP, which needs none)
from machine import Pin  # noqa: E402

# asyncio's lazily loaded parts both libraries use: not a per-instance cost.
asyncio.Event, asyncio.Lock, asyncio.ThreadSafeFlag  # noqa: B018


def nothing(*_):
    pass


async def click(pins):
    for p in pins:
        fakeboard.level(p, 0)
    await asyncio.sleep_ms(120)
    for p in pins:
        fakeboard.level(p, 1)
    await asyncio.sleep_ms(600)  # past the double-click time: every timer has expired


def make_pushbutton(P, pin, funcs):
    pb = P.Pushbutton(pin)
    for name in funcs:
        getattr(pb, name + "_func")(nothing, ())
    return pb


def make_switch(P, pin):
    sw = P.Switch(pin)
    sw.close_func(nothing, ())
    sw.open_func(nothing, ())
    return sw


# kind -> make(P, pin, pin2), P being the primitives package under test
KINDS = {
    "Pushbutton press": lambda P, p, q: make_pushbutton(P, p, ("press",)),
    "Pushbutton all four": lambda P, p, q: make_pushbutton(
        P, p, ("press", "release", "double", "long")),
    "Switch": lambda P, p, q: make_switch(P, p),
    "ESwitch": lambda P, p, q: P.ESwitch(p),
    "EButton": lambda P, p, q: P.EButton(p),
    "Delay_ms": lambda P, p, q: P.Delay_ms(nothing, (), 50),
    "Encoder": lambda P, p, q: P.Encoder(p, q, callback=nothing),
}


async def use(kind, objs, pins, pins2):
    if kind == "Delay_ms":
        for d in objs:
            d.trigger()
        await asyncio.sleep_ms(200)
    elif kind == "Encoder":
        for x, y in zip(pins, pins2):
            fakeboard.level(x, 0)
            fakeboard.level(y, 0)
        await asyncio.sleep_ms(250)
    else:
        await click(pins)


async def per_instance(P, kind):
    make = KINDS[kind]
    pins = [Pin(name, Pin.IN, Pin.PULL_UP) for name in PINS]
    pins2 = [Pin(name, Pin.IN, Pin.PULL_UP) for name in PINS2]
    for p in pins + pins2:
        fakeboard.level(p, 1)
    first = make(P, pins[N], pins2[N])  # loads the modules
    await use(kind, [first], pins[N:], pins2[N:])
    await asyncio.sleep_ms(100)
    gc.collect()
    before = gc.mem_free()
    objs = [make(P, pins[i], pins2[i]) for i in range(N)]
    await use(kind, objs, pins[:N], pins2[:N])
    await asyncio.sleep_ms(100)
    gc.collect()
    cost = (before - gc.mem_free()) // N
    for o in objs + [first]:
        try:
            o.deinit()
        except AttributeError:  # Hinch's ESwitch.deinit() cancels a method, not its task
            pass
    await asyncio.sleep_ms(100)
    return cost


async def measure():
    import primitives

    costs = {}
    for kind in KINDS:
        costs[kind] = await per_instance(primitives, kind)
    return costs


def forget():
    for name in list(sys.modules):
        if name.split(".")[0] == "primitives":
            del sys.modules[name]


asyncio.run(measure())  # a first run loads what stays loaded (class attributes, ...)
ours = asyncio.run(measure())
forget()
sys.path.insert(0, PLACE)
import primitives  # noqa: E402

assert primitives.__file__.startswith(PLACE), primitives.__file__
asyncio.run(measure())
his = asyncio.run(measure())
for kind in KINDS:
    print("RESULT " + json.dumps({
        "name": "driver_ram " + kind, "what": "bytes of RAM per instance, in use",
        "unit": "bytes", "better": "lower", "baseline": "hinch_v3", "hinch_v3": his[kind],
        "ours": ours[kind]}))
