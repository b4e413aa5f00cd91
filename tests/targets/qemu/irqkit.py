# Helpers for the scripts in tests/mpy_qemu (qemu test build only): busy Python tasks for
# irqsim's real interrupts to preempt, and the check that the interrupts came fast enough.
import asyncio
from time import ticks_diff, ticks_ms

import irqsim

FREQ = 6000  # Hz asked of irqsim.Timer; each test must see >= MIN_RATE for >= RUN_MS
MIN_RATE = 3000
RUN_MS = 1200  # the "insn" runs (tests/test_mpy.py) set 400: -singlestep costs 4x the host time
# Each test must see its task wake at least this often, so that it tested something. Under
# qemu -singlestep the guest runs ~10x slower while the interrupts keep their rate.
MIN_WAKES = 20


class Workers:
    """n tasks that each do some Python work (allocating, so the GC runs too), then yield."""

    def __init__(self, n=3, work=30):
        self.turns = 0  # slices finished, by all workers
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
    """irqsim.Timer(FREQ, callback), timed, so that done() can check the rate it achieved."""

    def __init__(self, callback, freq=FREQ):
        self._t0 = ticks_ms()
        self.timer = irqsim.Timer(freq, callback)

    def running(self):
        """True until RUN_MS have passed since the timer started."""
        return ticks_diff(ticks_ms(), self._t0) < RUN_MS

    def done(self):
        """Stop it; check it ran >= RUN_MS at >= MIN_RATE; return how many callbacks ran."""
        self.timer.deinit()
        ms = ticks_diff(ticks_ms(), self._t0)
        n = self.timer.count()
        assert ms >= RUN_MS, ms
        assert n * 1000 >= MIN_RATE * ms, "only {} interrupts in {} ms".format(n, ms)
        return n

