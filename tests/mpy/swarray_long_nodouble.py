# DRIVERS.md 4.5: "If a bit is 0 that state will never be reported": an event left out of cfg is
# not reported, and swallows no other. With LONG but not DOUBLE, two quick clicks are two
# clicks, and a click followed at once by a long hold reports the hold's CLOSE and LONG. With
# DOUBLE but not LONG (and SUPPRESS), a long hold is still a click.
import asyncio

from keymatrix import KeyMatrix
from machine import Pin
from primitives.sw_array import CLOSE, DOUBLE, LONG, OPEN, SUPPRESS, SwArray

SwArray.debounce_ms = 20
rows = [Pin("Y5", Pin.OPEN_DRAIN, Pin.PULL_UP, value=1)]
cols = [Pin("Y1", Pin.IN, Pin.PULL_UP)]
km = KeyMatrix(rows, cols)


async def hold(ms, after):
    km.press(0, 0)
    await asyncio.sleep_ms(ms)
    km.release(0, 0)
    await asyncio.sleep_ms(after)


def drain(q):
    got = []
    while not q.empty():
        sc, evt = q.get_nowait()
        assert sc == 0
        got.append(evt)
    return got


async def main():
    swa = SwArray(rows, cols, CLOSE | OPEN | LONG)
    await hold(60, 60)
    await hold(60, 600)
    got = drain(swa)
    assert got == [CLOSE, OPEN, CLOSE, OPEN], got
    await hold(60, 60)
    await hold(1300, 600)
    assert drain(swa) == [CLOSE, OPEN, CLOSE, LONG, OPEN]
    swa.deinit()
    swa = SwArray(rows, cols, CLOSE | OPEN | DOUBLE | SUPPRESS)
    await hold(1300, 600)
    assert drain(swa) == [CLOSE, OPEN]
    swa.deinit()


asyncio.run(main())
print("swarray cfg ok")
