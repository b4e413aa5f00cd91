# Helpers for the real-interrupt scripts (tests/mpy_qemu) on the emulated PYBV11: the same API as
# tests/targets/qemu/irqkit.py, with the port's own machine.Timer(-1, hard=True) (soft timers
# run from SysTick, their hard callbacks from the port's PendSV dispatch) in place of irqsim.
# Written to the RAM disk at /flash by the runner (scripts/pybemu.py), never frozen.
import asyncio
from time import ticks_diff, ticks_ms

from machine import Timer as _MTimer

# Soft timers are counted in SysTick's 1 ms ticks: 1 kHz is the most the port can give.
FREQ = 1000
# The runner uses -icount, so SysTick keeps instruction-counted time and no tick is lost to a
# busy host; 900 leaves room for the ticks where the callback is still masked (atomic
# sections, GC) when the next falls due.
MIN_RATE = 900
# The scripts' minimum counts are set for irqsim's 6 kHz over 1.2 s: 7,200 interrupts. At the
# port's 1 kHz the same number takes 7.2 s (of instruction-counted time).
RUN_MS = 7200
MIN_WAKES = 20


class Workers:
    """n tasks that each do some Python work (allocating, so the GC runs too), then yield."""

    # work=1000, not irqsim's 30: at a sixth of the interrupt rate, longer slices keep several
    # interrupts per round of the workers, as the scripts were tuned for (so that an
    # interrupt-fed queue fills and refuses now and then).
    def __init__(self, n=3, work=1000):
        self.turns = 0
        self._running = True
        self._tasks = [asyncio.create_task(self._work(work)) for _ in range(n)]

    async def _work(self, work):
        while self._running:
            acc = []
            for i in range(work):
                acc.append(i * i)
            self.turns += 1
            await asyncio.sleep(0)

    async def stop(self):
        self._running = False
        for t in self._tasks:
            await t


class Timer:
    """machine.Timer(-1, freq, hard=True) calling callback, counted; FREQ at most."""

    def __init__(self, callback, freq=FREQ):
        self._n = 0
        self._cb = callback
        self._t0 = ticks_ms()
        self.timer = _MTimer(-1, freq=min(freq, FREQ), callback=self._isr, hard=True)

    def _isr(self, t):
        # Hard IRQ: a small-int add and the test's callback; nothing allocated.
        self._n += 1
        self._cb(t)

    def count(self):
        return self._n

    def running(self):
        return ticks_diff(ticks_ms(), self._t0) < RUN_MS

    def done(self):
        """Stop it; check it ran >= RUN_MS at >= MIN_RATE; return how many callbacks ran."""
        self.timer.deinit()
        ms = ticks_diff(ticks_ms(), self._t0)
        n = self._n
        assert ms >= RUN_MS, ms
        assert n * 1000 >= MIN_RATE * ms, "only {} interrupts in {} ms".format(n, ms)
        return n
