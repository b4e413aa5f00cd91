# DRIVERS.md 4.4-4.6 as a table: Keyboard, and SwArray with every cfg (the 32 ORs of CLOSE, OPEN,
# LONG, DOUBLE, SUPPRESS), all scanning one key matrix at once while each key plays one input
# sequence. A SwArray reports exactly the events of its timing mode (which of LONG, DOUBLE and
# SUPPRESS it has) that its cfg names: a left-out event is not reported and swallows no other.
import asyncio

from keymatrix import KeyMatrix
from machine import Pin
from primitives import Keyboard
from primitives.sw_array import CLOSE, DOUBLE, LONG, OPEN, SUPPRESS, SwArray

C, OP, L, D = CLOSE, OPEN, LONG, DOUBLE
SwArray.debounce_ms = 20  # double_click_ms 400, long_press_ms 1000: Hinch's defaults
ROWS = ("Y5", "Y6")
COLS = ("Y1", "Y2", "Y3")
NKEYS = 6

# Each key's sequence: (ms closed, ms open) steps. Times keep 200 ms or more from every
# threshold, so neither scan period nor scheduling moves an input across one.
SEQ = {
    "click": ((100, 0),),
    "double": ((100, 100), (100, 0)),
    "medium": ((600, 0),),  # past double_click_ms, short of long_press_ms
    "long": ((1300, 0),),
    "click+long": ((100, 100), (1300, 0)),
    # Contact chatter: edges with no time between them (0 ms: no await). Chatter timed
    # in ms is not shorter than a scan on a slow or busy target, whatever it asks.
    "bounce": ((0, 0), (0, 0), (100, 0), (0, 0), (0, 0)),
}
# Events per timing mode (LONG, DOUBLE, SUPPRESS in cfg), before cfg's filter. "bounce" is a
# click, whatever a scan happens to see of its chatter.
TABLE = {
    # no timing: every closure and opening at once
    (0, 0, 0): {"click": [C, OP], "double": [C, OP, C, OP], "medium": [C, OP], "long": [C, OP],
                "click+long": [C, OP, C, OP]},
    (0, 1, 0): {"click": [C, OP], "double": [C, OP, D, OP], "medium": [C, OP], "long": [C, OP],
                "click+long": [C, OP, D, OP]},
    (1, 0, 0): {"click": [C, OP], "double": [C, OP, C, OP], "medium": [C, OP], "long": [C, L, OP],
                "click+long": [C, OP, C, L, OP]},
    (1, 1, 0): {"click": [C, OP], "double": [C, OP, D, OP], "medium": [C, OP], "long": [C, L, OP],
                "click+long": [C, OP, D, OP]},
    # SUPPRESS: a click's CLOSE, OPEN wait until it can be nothing else
    (0, 0, 1): {"click": [C, OP], "double": [C, OP, C, OP], "medium": [C, OP], "long": [C, OP],
                "click+long": [C, OP, C, OP]},
    (0, 1, 1): {"click": [C, OP], "double": [D, OP], "medium": [C, OP], "long": [C, OP],
                "click+long": [D, OP]},
    (1, 0, 1): {"click": [C, OP], "double": [C, OP, C, OP], "medium": [C, OP], "long": [L, OP],
                "click+long": [C, OP, L, OP]},
    (1, 1, 1): {"click": [C, OP], "double": [D, OP], "medium": [C, OP], "long": [L, OP],
                "click+long": [D, OP]},
}
PRESSES = {"click": 1, "double": 2, "medium": 1, "long": 1, "click+long": 2, "bounce": 1}


def code(k):
    return NKEYS - 1 - k  # key k is row k // 3, column k % 3: Hinch's scan codes


async def play(km, k, steps):
    for closed, opened in steps:
        km.press(k // len(COLS), k % len(COLS))
        if closed:
            await asyncio.sleep_ms(closed)
        km.release(k // len(COLS), k % len(COLS))
        if opened:
            await asyncio.sleep_ms(opened)


async def main():
    rows = [Pin(n, Pin.OPEN_DRAIN, Pin.PULL_UP, value=1) for n in ROWS]
    cols = [Pin(n, Pin.IN, Pin.PULL_UP) for n in COLS]
    km = KeyMatrix(rows, cols)
    arrays = [SwArray(rows, cols, cfg, bufsize=64) for cfg in range(32)]
    kb = Keyboard(rows, cols, bufsize=16, db_delay=20)
    names = sorted(SEQ)
    await asyncio.gather(*(play(km, k, SEQ[n]) for k, n in enumerate(names)))
    await asyncio.sleep_ms(700)  # the last double-click times run out
    presses = []
    while not kb.empty():
        presses.append(kb.get_nowait())
    for k, n in enumerate(names):
        assert presses.count(code(k)) == PRESSES[n], (n, presses)
    kb.deinit()
    for cfg, swa in enumerate(arrays):
        got = {n: [] for n in names}
        while not swa.empty():
            sc, evt = swa.get_nowait()
            got[names[code(sc)]].append(evt)
        mode = (int(bool(cfg & L)), int(bool(cfg & D)), int(bool(cfg & SUPPRESS)))
        for n in names:
            want = TABLE[mode]["click" if n == "bounce" else n]
            want = [e for e in want if e & cfg]
            assert got[n] == want, (cfg, n, got[n], want)
        swa.deinit()


asyncio.run(main())
print("table swarray ok")
