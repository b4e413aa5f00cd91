# apoll: the tutorial's polled device driver: an accelerometer read every 100 ms by a task.
# Works with pyb.Accel or any object with its x(), y() and z() methods.
import asyncio
from time import ticks_diff, ticks_ms

from primitives import _end, launch


def _median(a, b, c):
    return max(min(a, b), min(max(a, b), c))


class Accelerometer:
    # Class or instance attributes.
    period_ms = 100
    threshold_squared = 16  # smaller changes (squared distance, in counts) are noise

    def __init__(self, accel, still_ms=2000):
        self._accel = accel
        self.still_ms = still_ms
        xyz = self._read()
        self._recent = [xyz, xyz]  # the two samples before the newest: a median of 3
        self._coords = xyz
        self._moving = False
        self._last = ticks_ms()  # when it last moved or last reported still
        self.moved = asyncio.Event()
        self.still = asyncio.Event()
        self._funcs = [None, None]  # moved, still
        self._args = [(), ()]
        self._task = asyncio.create_task(self._run())

    def moved_func(self, func, args=()):
        """Run func(*args) (a function or coroutine) when it moves; None: nothing."""
        self._funcs[0] = func
        self._args[0] = args

    def still_func(self, func, args=()):
        """Run func(*args) each still_ms it stays still."""
        self._funcs[1] = func
        self._args[1] = args

    def _read(self):
        a = self._accel
        return (a.x(), a.y(), a.z())

    def _fire(self, i):
        (self.still if i else self.moved).set()
        if self._funcs[i] is not None:
            launch(self._funcs[i], self._args[i])

    async def _run(self):
        while self._task is not None:  # None: a callback ran deinit()
            await asyncio.sleep_ms(self.period_ms)
            new = self._read()
            a, b = self._recent
            self._recent = [b, new]
            # The median of the last three samples drops a single wild one.
            xyz = tuple(_median(a[i], b[i], new[i]) for i in range(3))
            now = ticks_ms()
            if sum((p - q) ** 2 for p, q in zip(xyz, self._coords)) > self.threshold_squared:
                self._coords = xyz
                self._moving = True
                self._last = now
                self._fire(0)
            elif ticks_diff(now, self._last) >= self.still_ms:
                self._moving = False
                self._last = now
                self._fire(1)

    def vector(self):
        """The last (x, y, z) taken as a real change."""
        return self._coords

    def moving(self):
        """True from a move until it has been still for still_ms."""
        return self._moving

    def deinit(self):
        """End the polling task. A callback may call it; a second call does nothing."""
        task = self._task
        if task is not None:
            self._task = None
            _end(task)


def run(duration=20, accel=None):
    """The tutorial demo: report moves, and say so every 2 s it is not moved.

    accel: the accelerometer, pyb.Accel() if None. Returns (moves, stills) reported."""
    import pyb

    counts = [0, 0]

    def moved(acc):
        counts[0] += 1
        print("Value x:{:3d} y:{:3d} z:{:3d}".format(*acc.vector()))

    def still():
        counts[1] += 1
        print("Timeout waiting for accelerometer change")

    async def main():
        hw = pyb.Accel() if accel is None else accel
        await asyncio.sleep_ms(30)  # the sensor settles after power-up
        acc = Accelerometer(hw)
        acc.moved_func(moved, (acc,))
        acc.still_func(still)
        await asyncio.sleep_ms(int(duration * 1000))
        acc.deinit()

    print("Testing accelerometer for {} s. Move the Pyboard!".format(duration))
    asyncio.run(main())
    print("Test complete!")
    return tuple(counts)
