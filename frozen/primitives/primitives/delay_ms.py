# Delay_ms: a retriggerable one-shot timer (Hinch v3 API).
#
# One task per timer for its whole life. A retrigger only moves the deadline: the task, when it
# wakes, sleeps again for whatever is left. Hinch's version cancels and creates a timer task per
# trigger, and those tasks pile up under fast retriggering; here memory use stays flat.
import asyncio
from time import ticks_add, ticks_diff, ticks_ms

from primitives import _end, launch


class Delay_ms:
    def __init__(self, func=None, args=(), duration=1000):
        self._func = func
        self._args = args
        self._durn = duration
        self._retn = None
        self._tend = 0  # deadline, ticks_ms
        self._busy = False  # triggered and not yet expired or stopped
        self._sleep_end = None  # deadline the task sleeps towards, None when not sleeping
        self._trig = asyncio.Event()  # idle task waits here: an Event is never polled
        self._tout = asyncio.Event()  # set on expiry
        self.wait = self._tout.wait
        self.clear = self._tout.clear
        self.set = self._tout.set
        self._task = asyncio.create_task(self._run())

    async def _run(self):
        while self._task is not None:  # None: the callback ran deinit()
            await self._trig.wait()
            self._trig.clear()
            while self._busy:
                dt = ticks_diff(self._tend, ticks_ms())
                if dt > 0:
                    self._sleep_end = self._tend
                    try:
                        await asyncio.sleep_ms(dt)
                    except asyncio.CancelledError:
                        # trigger() moved the deadline earlier, or deinit() ends the timer.
                        if self._task is None:
                            raise
                    self._sleep_end = None
                    continue  # the deadline may have moved while asleep
                self._busy = False
                self._tout.set()
                if self._func is not None:
                    # The callback may retrigger: the loop then keeps timing.
                    self._retn = launch(self._func, self._args)

    def trigger(self, duration=0):
        """(Re)start the delay: expire duration ms from now (0: the constructor's duration).

        Call it from tasks or soft callbacks, as for asyncio.Event.set(); from a hard IRQ use
        micropython.schedule()."""
        if self._task is None:
            raise RuntimeError("Delay_ms.deinit() has run")
        self._tend = ticks_add(ticks_ms(), duration if duration > 0 else self._durn)
        self._retn = None
        self._tout.clear()
        end = self._sleep_end
        if end is not None:
            if ticks_diff(self._tend, end) < 0:
                self._task.cancel()  # wake it now; it then sleeps to the new deadline
        elif not self._busy:
            self._trig.set()
        self._busy = True

    def stop(self):
        # A sleeping task wakes at the old deadline, sees it is stopped and goes idle.
        self._busy = False
        self._tout.clear()

    def running(self):
        return self._busy

    __call__ = running

    def rvalue(self):
        """What the last callback returned (its task if it was a coroutine)."""
        return self._retn

    def callback(self, func=None, args=()):
        self._func = func
        self._args = args

    def deinit(self):
        """End the timer's task. The callback may call it; a second call does nothing."""
        task = self._task
        if task is not None:
            self.stop()
            self._task = None
            _end(task)
