# Hinch v3's Keyboard and SwArray on a fake key matrix (a key joins its row to its column, read
# only while the row is driven low), and AADC on a fake machine.ADC; deinit and cancellation.
import asyncio

import fakeboard
from keymatrix import KeyMatrix
from machine import ADC, Pin
from primitives import AADC, Keyboard, SwArray
from primitives.sw_array import CLOSE, DOUBLE, LONG, OPEN, SUPPRESS
from testkit import times_out

ROWS = ("Y5", "Y6")
COLS = ("Y1", "Y2", "Y3")
NKEYS = 6


def matrix():
    rows = [Pin(n, Pin.OPEN_DRAIN, Pin.PULL_UP, value=1) for n in ROWS]
    cols = [Pin(n, Pin.IN, Pin.PULL_UP) for n in COLS]
    return rows, cols, KeyMatrix(rows, cols)


def code(row, col):
    return NKEYS - 1 - (row * len(COLS) + col)  # Hinch's scan codes: row 0, col 0 is highest


async def tap(km, row, col, ms=120):
    km.press(row, col)
    await asyncio.sleep_ms(ms)
    km.release(row, col)
    await asyncio.sleep_ms(ms)


async def drain(q, ms=50):
    await asyncio.sleep_ms(ms)
    items = []
    while not q.empty():
        items.append(q.get_nowait())
    return items


async def keyboard():
    rows, cols, km = matrix()
    kb = Keyboard(rows, cols)
    assert all(r() == 1 for r in rows)  # released between scans
    await tap(km, 0, 0)
    await tap(km, 1, 2)
    assert await asyncio.wait_for_ms(kb.get(), 500) == code(0, 0)
    got = []

    async def reader():
        async for sc in kb:
            got.append(sc)

    task = asyncio.create_task(reader())
    await asyncio.sleep_ms(20)
    assert got == [code(1, 2)]
    # Rollover: a second key pressed while the first is held; the state of each key.
    km.press(0, 1)
    await asyncio.sleep_ms(120)
    assert kb[code(0, 1)] and not kb[code(0, 0)] and kb.keymap() == 1 << code(0, 1)
    km.press(1, 0)
    await asyncio.sleep_ms(120)
    km.release(0, 1)
    km.release(1, 0)
    await asyncio.sleep_ms(120)
    assert got == [code(1, 2), code(0, 1), code(1, 0)], got
    task.cancel()
    # Nobody reading: the oldest codes are dropped, no error.
    kb2 = Keyboard(rows, cols, bufsize=3, db_delay=20)
    kb.deinit()
    for col in range(3):
        await tap(km, 0, col, 60)
    assert await drain(kb2) == [code(0, 1), code(0, 2)]
    task2 = kb2._task
    kb2.deinit()
    kb2.deinit()
    await asyncio.sleep_ms(10)
    assert task2.done()
    await tap(km, 0, 0)
    assert kb2.empty()


async def swarray():
    rows, cols, km = matrix()
    # Without timing: every closure and opening at once, only those asked for.
    sw = SwArray(rows, cols, CLOSE | OPEN)
    await tap(km, 1, 1)
    assert await drain(sw) == [(code(1, 1), CLOSE), (code(1, 1), OPEN)]
    sw.deinit()
    sw = SwArray(rows, cols, OPEN)
    await tap(km, 1, 1)
    assert await drain(sw) == [(code(1, 1), OPEN)]
    sw.deinit()

    every = CLOSE | OPEN | LONG | DOUBLE
    sw = SwArray(rows, cols, every)
    k = code(0, 2)
    await tap(km, 0, 2)
    await asyncio.sleep_ms(400)
    assert await drain(sw) == [(k, CLOSE), (k, OPEN)]
    await tap(km, 0, 2)
    await tap(km, 0, 2)
    await asyncio.sleep_ms(400)
    assert await drain(sw) == [(k, CLOSE), (k, OPEN), (k, DOUBLE), (k, OPEN)]
    km.press(0, 2)
    await asyncio.sleep_ms(1200)
    km.release(0, 2)
    assert await drain(sw, 150) == [(k, CLOSE), (k, LONG), (k, OPEN)]
    sw.deinit()

    sw = SwArray(rows, cols, every | SUPPRESS)
    await tap(km, 0, 2)
    assert await drain(sw) == []  # may still become a double
    await asyncio.sleep_ms(400)
    assert await drain(sw) == [(k, CLOSE), (k, OPEN)]
    await tap(km, 0, 2)
    await tap(km, 0, 2)
    await asyncio.sleep_ms(400)
    assert await drain(sw) == [(k, DOUBLE), (k, OPEN)]
    km.press(0, 2)
    await asyncio.sleep_ms(1200)
    km.release(0, 2)
    assert await drain(sw, 150) == [(k, LONG), (k, OPEN)]
    task = sw._task
    sw.deinit()
    await asyncio.sleep_ms(10)
    assert task.done()


async def awaited(aw):
    return await aw


def volts(pin, u16):
    # The voltage that reads u16 (of 65536 for 3.3 V): what the test applies to the pin.
    fakeboard.voltage(pin, u16 * 3.3 / 65536)


async def aadc():
    adc = ADC("X3")
    volts("X3", 30000)
    a = AADC(adc)
    # 12 bits (16 counts of 65536 each), rounded down, and +-1 LSB of noise: within 40.
    assert abs(a.read_u16() - 30000) < 40
    volts("X3", 31000)  # last=True gives the last reading taken, not a new one
    assert abs(a.read_u16(last=True) - 30000) < 40 and abs(a.read_u16(True) - 30000) < 40
    assert abs(a.read_u16() - 31000) < 40 and abs(a.read_u16(last=True) - 31000) < 40
    volts("X3", 30000)
    assert abs(a.read_u16() - 30000) < 40
    # Absolute bounds; normal sense: wait until the reading leaves them.
    await times_out(awaited(a(20000, 40000)))
    task = asyncio.create_task(awaited(a(20000, 40000)))
    await asyncio.sleep_ms(10)
    volts("X3", 45000)
    v = await asyncio.wait_for_ms(task, 500)
    assert abs(v - 45000) < 40, v
    # sense(False): wait until within the bounds; no arguments: the same bounds as before.
    a.sense(False)
    task = asyncio.create_task(awaited(a()))
    await asyncio.sleep_ms(10)
    assert not task.done()
    volts("X3", 25000)
    assert 20000 <= await asyncio.wait_for_ms(task, 500) <= 40000
    # Relative bounds: around a reading taken when they are set (DRIVERS.md 5.1).
    a.sense(True)
    await times_out(awaited(a(1000)))
    volts("X3", 27000)
    assert abs(await asyncio.wait_for_ms(awaited(a()), 500) - 27000) < 40


async def main():
    await keyboard()
    await swarray()
    await aadc()


asyncio.run(main())
print("v3_matrix_adc ok")
