# DRIVERS.md 3 and 4 as a table: Switch, ESwitch, Pushbutton and EButton (suppress off and on)
# each see the same input sequences, one pin per sequence, all at once; each reports exactly
# the events of its row, in order. Pushbutton has all four actions as Events (func=None). Each
# driver is run polled and with irq=True (ours).
import asyncio

import fakeboard
from machine import Pin
from primitives import EButton, ESwitch, Pushbutton, Switch
from testkit import LINE_PINS

# (ms closed, ms open) steps. double_click_ms 400, long_press_ms 1000 (Hinch's defaults),
# debounce_ms 50: times keep 200 ms or more from every threshold.
SEQ = {
    "click": ((100, 0),),
    "double": ((100, 100), (100, 0)),
    "medium": ((600, 0),),  # past double_click_ms, short of long_press_ms
    "long": ((1300, 0),),
    "click+long": ((100, 100), (1300, 0)),
    # Contact chatter: edges with no time between them (0 ms: no await). Chatter timed
    # in ms is not shorter than a debounce period on a slow or busy target.
    "bounce": ((0, 0), (0, 0), (100, 0), (0, 0), (0, 0)),
}
P, R, D, L = "press", "release", "double", "long"
TABLE = {  # driver: sequence -> events in order
    # A switch: every closure and opening (DRIVERS.md 3.1, 3.2).
    "switch": {"click": ["close", "open"], "double": ["close", "open", "close", "open"],
               "medium": ["close", "open"], "long": ["close", "open"],
               "click+long": ["close", "open", "close", "open"],
               "bounce": ["close", "open"]},
    # 4.1, 4.6 (suppress=False): double is set at the second press, long while held. The long
    # timer stops at the first release, so a double's held second press is no long one.
    "ebutton": {"click": [P, R], "double": [P, R, P, D, R], "medium": [P, R],
                "long": [P, L, R], "click+long": [P, R, P, D, R], "bounce": [P, R]},
    # 4.6's table: short (and medium) press: press, release; double: double, release; long:
    # long, release.
    "ebutton_s": {"click": [P, R], "double": [D, R], "medium": [P, R], "long": [L, R],
                  "click+long": [D, R], "bounce": [P, R]},
    "pushbutton": {"click": [P, R], "double": [P, R, P, D, R], "medium": [P, R],
                   "long": [P, L, R], "click+long": [P, R, P, D, R], "bounce": [P, R]},
    # 4.2.1: suppress acts on release only: none after a double or a long press; a single
    # click's comes once the double-click time is over (or at release, if later).
    "pushbutton_s": {"click": [P, R], "double": [P, P, D], "medium": [P, R], "long": [P, L],
                     "click+long": [P, P, D], "bounce": [P, R]},
}


async def play(pin, steps):
    for closed, opened in steps:
        fakeboard.level(pin, 0)
        if closed:
            await asyncio.sleep_ms(closed)
        fakeboard.level(pin, None)  # the pull-up: open
        if opened:
            await asyncio.sleep_ms(opened)


async def record(log, name, ev):
    while True:
        await ev.wait()
        ev.clear()
        log.append(name)


def watch(log, obj, names):
    return [asyncio.create_task(record(log, n, getattr(obj, n))) for n in names]


def make(kind, pin, irq):
    """The driver of one table row, with the names of its events."""
    if kind == "switch":
        d = Switch(pin, irq=irq)
        d.close_func(None)
        d.open_func(None)
        return d, ("close", "open")
    if kind == "eswitch":
        return ESwitch(pin, irq=irq), ("close", "open")
    if kind.startswith("ebutton"):
        return EButton(pin, suppress=kind.endswith("_s"), irq=irq), (P, R, D, L)
    d = Pushbutton(pin, suppress=kind.endswith("_s"), irq=irq)
    for f in (d.press_func, d.release_func, d.double_func, d.long_func):
        f(None)
    return d, (P, R, D, L)


async def play_round(rows, irq):
    # rows: (driver kind, sequence name, pin); drivers on one pin see the same sequence.
    logs = {}
    drivers = []
    tasks = []
    for kind, n, pin in rows:
        d, evs = make(kind, pin, irq)
        drivers.append(d)
        log = logs[(kind, n)] = []
        tasks += watch(log, d, evs)
    played = {}
    for kind, n, pin in rows:
        played[pin] = n
    await asyncio.gather(*(play(pin, SEQ[n]) for pin, n in played.items()))
    await asyncio.sleep_ms(600)  # the last double-click times run out
    for (kind, n), log in sorted(logs.items()):
        want = TABLE["switch" if kind == "eswitch" else kind][n]
        assert log == want, (kind, n, "irq" if irq else "polled", log, want)
    for d in drivers:
        d.deinit()
    for t in tasks:
        t.cancel()


async def main():
    names = sorted(SEQ)
    kinds = sorted(TABLE) + ["eswitch"]
    # Polled: every driver kind on the one pin of each sequence.
    pins = [Pin(LINE_PINS[k], Pin.IN, Pin.PULL_UP) for k in range(len(names))]
    await play_round([(kind, n, pin) for n, pin in zip(names, pins) for kind in kinds], False)
    # irq=True (ours): an edge IRQ per driver, so a pin (an EXTI line) each; two kinds a round.
    for i in range(0, len(kinds), 2):
        rows = [(kind, n) for kind in kinds[i:i + 2] for n in names]
        await play_round([(kind, n, Pin(LINE_PINS[k], Pin.IN, Pin.PULL_UP))
                          for k, (kind, n) in enumerate(rows)], True)


asyncio.run(main())
print("table buttons ok")
