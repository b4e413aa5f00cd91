# apoll: the driver on pyb.Accel (fake) with noise, a single wild sample and real moves, and the
# tutorial demo run() unmodified against a scripted accelerometer.
import asyncio

import apoll
import fakeboard
import pyb


class Scripted:
    """Any object with pyb.Accel's methods: sample k (counted by x() calls) is script(k)."""

    def __init__(self, script):
        self.script = script
        self.k = -1
        self.xyz = (0, 0, 0)

    def x(self):
        self.k += 1
        self.xyz = self.script(self.k)
        return self.xyz[0]

    def y(self):
        return self.xyz[1]

    def z(self):
        return self.xyz[2]


def noise(k):
    return (k * 7) % 3 - 1  # -1, 0 or 1: inside the noise threshold


async def driver():
    hw = pyb.Accel()
    fakeboard.accel(0, 0, 21)
    acc = apoll.Accelerometer(hw, still_ms=500)
    acc.period_ms = 20
    log = []
    acc.moved_func(log.append, ("moved",))
    acc.still_func(log.append, ("still",))
    for k in range(10):  # noise only
        fakeboard.accel(noise(k), noise(k + 1), 21)
        await asyncio.sleep_ms(20)
    assert log == [] and not acc.moving(), log
    fakeboard.accel(30, 0, 21)  # one wild sample
    await asyncio.sleep_ms(20)
    fakeboard.accel(0, 0, 21)
    await asyncio.sleep_ms(100)
    assert log == [], log
    acc.moved.clear()
    fakeboard.accel(10, -10, 15)  # a real move
    await asyncio.wait_for_ms(acc.moved.wait(), 2000)
    assert acc.moving() and acc.vector() == (10, -10, 15), acc.vector()
    await asyncio.wait_for_ms(acc.still.wait(), 3000)
    assert not acc.moving()
    assert log[0] == "moved" and log[-1] == "still", log
    acc.deinit()


async def deinit_from_callback():
    # "Stop on the first move": deinit() from the driver's own callback ends its task.
    errors = []
    asyncio.get_event_loop().set_exception_handler(lambda loop, context: errors.append(context))
    hw = pyb.Accel()
    fakeboard.accel(0, 0, 21)
    acc = apoll.Accelerometer(hw)
    acc.period_ms = 20
    moves = []

    def stop():
        moves.append(acc.vector())
        acc.deinit()
        acc.deinit()  # a second call does nothing

    acc.moved_func(stop)
    fakeboard.accel(20, 0, 21)
    await asyncio.sleep_ms(200)
    fakeboard.accel(-20, 0, 21)  # a move no task is left to see
    await asyncio.sleep_ms(200)
    assert moves == [(20, 0, 21)] and not errors, (moves, errors)
    acc.deinit()
    asyncio.get_event_loop().set_exception_handler(None)


def script(k):
    if k == 5:
        return (40, 40, 40)  # a wild sample: no move
    if k < 10:
        return (noise(k), 2, 20)
    return (12 + noise(k), -7, 18)  # moved at sample 10, about 1 s in, then still


asyncio.run(driver())
asyncio.run(deinit_from_callback())
# Moved once at about 1 s; still reports every 2 s after: one, at about 3 s.
moves, stills = apoll.run(4.5, Scripted(script))
assert (moves, stills) == (1, 1), (moves, stills)
print("apoll ok")
