# Encoder: an incremental quadrature encoder read by pin IRQs (Hinch v3 API).
#
# The hard IRQ handlers keep the raw edge count; a task turns it into the user's value (scaled,
# limited) and reports changes by callback and to `async for`. The hand-off is a fastpoll Flag,
# which asyncio polls in C, so a still encoder costs no Python per scheduler pass.
import asyncio

from fastpoll import Flag

from primitives import _callback, _end

# The IRQ handlers keep the raw count modulo 2**29: it stays a small int (no allocation in a
# hard IRQ) on a 32-bit board however far the shaft turns one way. The task takes differences
# modulo the same span, so fewer than 2**28 edges between two of its reads are counted right.
_MASK = (1 << 29) - 1
_HALF = 1 << 28


class Encoder:
    def __init__(self, pin_x, pin_y, v=0, div=1, vmin=None, vmax=None, mod=None,
                 callback=None, args=(), delay=100):
        """v: the start value; each div edges change it by 1; it stays in [vmin, vmax] and is
        reduced modulo mod. callback(value, delta, *args) (a function or a coroutine) runs at
        most every delay ms while the encoder turns."""
        if (vmin is not None and v < vmin) or (vmax is not None and v > vmax):
            raise ValueError("need vmin <= v <= vmax")
        self._pin_x = pin_x
        self._pin_y = pin_y
        self._x = pin_x()
        self._y = pin_y()
        self._v = (v * div) & _MASK  # raw edge count, wrapped: only the IRQ handlers write it
        self._cv = v  # the value
        self.delay = delay
        self._flag = Flag()
        # For `async for`: None, no change yet; True, a change before the first `async for`,
        # which then makes the Event (set); after that the Event. An Encoder never iterated
        # holds none. A slot from the start: the task's first store then allocates nothing.
        self._changed = None
        trig = pin_x.IRQ_RISING | pin_x.IRQ_FALLING
        pin_x.irq(self._x_cb, trig, hard=True)
        try:
            pin_y.irq(self._y_cb, trig, hard=True)
        except Exception:
            pin_x.irq(None)  # Y refused (its EXTI line is taken): no IRQ left on X either
            raise
        self._task = asyncio.create_task(self._run(v, div, vmin, vmax, mod, callback, args))

    # Hard IRQ handlers. They allocate nothing: the count stays a small int and Flag.set()
    # writes one byte. By the time one runs a second edge may have undone the first; comparing
    # with the last level seen then counts no movement.
    def _x_cb(self, pin_x):
        x = pin_x()
        if x != self._x:
            self._x = x
            self._v = (self._v + (1 if x ^ self._pin_y() else -1)) & _MASK
            self._flag.set()

    def _y_cb(self, pin_y):
        y = pin_y()
        if y != self._y:
            self._y = y
            self._v = (self._v + (-1 if y ^ self._pin_x() else 1)) & _MASK
            self._flag.set()

    async def _run(self, v, div, vmin, vmax, mod, callback, args):
        # From the constructor's values: edges may come before this task first runs.
        pv = (v * div) & _MASK  # wrapped raw count last seen
        raw = v * div  # unwrapped: a big int here, in the task, is fine
        pcv = v  # scaled count last seen, before limits
        value = v
        half = div // 2
        while self._task is not None:  # None: the callback ran deinit()
            await self._flag.wait()
            if self.delay:
                await asyncio.sleep_ms(self.delay)  # let a burst finish, limit callbacks
            if self._task is None:  # deinit() woke it (see _end): no callback after that
                return
            hv = self._v
            if hv == pv:
                continue
            raw += ((hv - pv + _HALF) & _MASK) - _HALF
            pv = hv
            cv = (raw + half) // div  # nearest detent
            dv = cv - pcv
            if not dv:
                continue
            pcv = cv
            # Limits apply to the change, so turning back from a stop moves at once.
            new = value + dv
            if vmax is not None:
                new = min(vmax, new)
            if vmin is not None:
                new = max(vmin, new)
            if mod is not None:
                new %= mod
            if new != value and self._task is not None:  # deinit() may have run meanwhile
                delta = new - value
                value = self._cv = new
                ev = self._changed
                if ev is None:
                    self._changed = True
                elif ev is not True:
                    ev.set()
                if callback is not None:
                    _callback(callback, (new, delta) + args)

    def value(self):
        return self._cv

    def __aiter__(self):
        return self

    async def __anext__(self):
        """async for v in encoder: each value, once it changed (skipping to the latest)."""
        ev = self._changed
        if ev is None or ev is True:
            changed = ev
            ev = asyncio.Event()
            if changed:
                ev.set()
            self._changed = ev  # stored set: a Ctrl-C before this leaves the True in place
        await ev.wait()
        ev.clear()
        return self._cv

    def deinit(self):
        """Stop reading the pins. The callback may call it; a second call does nothing."""
        task = self._task
        if task is not None:
            self._pin_x.irq(None)
            self._pin_y.irq(None)
            self._task = None
            _end(task, self._flag)
