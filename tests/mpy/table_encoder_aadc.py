# DRIVERS.md 5.1 and 6.1 as rows: Encoder (direction, div, vmin/vmax, mod, callback, async for)
# and AADC (absolute bounds in both senses, relative bounds, the bounds of last time, last
# reading). Inputs come from outside: fakeboard.level() on the encoder's pins, the fake ADC's
# level. Each encoder row waits for its callback, so no row depends on how fast the host is.
import asyncio

import fakeboard
from machine import ADC, Pin
from primitives import AADC, Encoder
from testkit import times_out

X = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
Y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
STATES = ((0, 0), (1, 0), (1, 1), (0, 1))  # X leads Y: forwards
got = []
called = asyncio.Event()


def cb(v, d, *args):
    got.append((v, d) + args)
    called.set()


def turn(edges):
    i = STATES.index((X(), Y()))
    step = 1 if edges > 0 else -1
    for _ in range(abs(edges)):
        i = (i + step) % 4
        fakeboard.level(X, STATES[i][0])
        fakeboard.level(Y, STATES[i][1])


# (constructor keywords, edges per burst, the (value, delta) each burst's callback reports)
ROWS = (
    ({}, (3, -5), ((3, 3), (-2, -5))),
    ({"div": 4}, (4, 8, -4), ((1, 1), (3, 2), (2, -1))),
    ({"vmin": 0, "vmax": 5}, (4, 4, -1, -9), ((4, 4), (5, 1), (4, -1), (0, -4))),
    ({"mod": 4}, (3, 2, -6), ((3, 3), (1, -2), (3, 2))),
    ({"v": 10, "args": ("a",)}, (1,), ((11, 1, "a"),)),
)


def volts(pin, u16):
    # The voltage that reads u16 (of 65536 for 3.3 V): what the test applies to the pin.
    fakeboard.voltage(pin, u16 * 3.3 / 65536)


async def encoder_rows():
    for kw, bursts, want in ROWS:
        fakeboard.level(X, 0)
        fakeboard.level(Y, 0)
        enc = Encoder(X, Y, callback=cb, delay=10, **kw)
        got.clear()
        for edges in bursts:
            called.clear()
            turn(edges)
            await asyncio.wait_for_ms(called.wait(), 3000)
        assert tuple(got) == want, (kw, got, want)
        assert enc.value() == want[-1][0]
        enc.deinit()
    # async for: each change once, skipping to the latest when the reader is slow.
    enc = Encoder(X, Y, delay=10)
    seen = []

    async def follow():
        async for v in enc:
            seen.append(v)
            if v == 6:
                return

    t = asyncio.create_task(follow())
    turn(2)
    await asyncio.sleep_ms(60)
    turn(2)  # two bursts before the reader runs again are one value
    turn(2)
    await asyncio.wait_for_ms(t, 3000)
    assert seen in ([2, 6], [2, 4, 6]), seen
    enc.deinit()


async def until(aw):
    return await aw


async def aadc_rows():
    adc = ADC("X2")
    volts("X2", 30000)
    a = AADC(adc)
    near = lambda v, want: abs(v - want) < 40  # noqa: E731 (12-bit steps)
    # (sense, bounds set, level that keeps it waiting, level that ends the wait)
    rows = (
        (True, (20000, 40000), 39000, 41000),  # absolute, normal: until outside
        (False, (20000, 25000), 30000, 22000),  # absolute, inverted: until inside
        (True, (1000,), 22500, 24000),  # relative: +-1000 around the reading now (22000)
        (True, (), 21500, 20500),  # no arguments: the same bounds as last time
        (False, (2000,), 26000, 21000),  # relative and inverted: until back within 2000
    )
    for sense, bounds, stay, go in rows:
        a.sense(sense)
        a(*bounds)
        volts("X2", stay)
        await times_out(until(a), 30)
        task = asyncio.create_task(until(a))
        await asyncio.sleep_ms(10)
        volts("X2", go)
        v = await asyncio.wait_for_ms(task, 1000)
        assert near(v, go) and near(a.read_u16(last=True), go), (bounds, v)
    assert near(a.read_u16(), go)


async def main():
    await encoder_rows()
    await aadc_rows()


asyncio.run(main())
print("table encoder aadc ok")
