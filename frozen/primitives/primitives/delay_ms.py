# Delay_ms: a retriggerable one-shot timer (Hinch v3 API).
#
# One task per timer for its whole life. A retrigger only moves the deadline: the task, when it
# wakes, sleeps again for whatever is left. Hinch's version cancels and creates a timer task per
# trigger, and those tasks pile up under fast retriggering; here memory use stays flat.
#
# trigger() may run in a hard IRQ: it stores small ints and sets a fastpoll Flag, allocating
# nothing. The idle task waits on that Flag, which asyncio polls in C. A trigger that moves the
# deadline of a sleeping task earlier wakes it through micropython.schedule(), which is IRQ-safe
# and takes a module function and the timer, so nothing is allocated there either; one such
# call at most is pending per timer, so fast triggers cannot fill the scheduler's queue.
#
# An interrupt can land between any two bytecodes of the task, so the task never clears
# "running" itself: trigger() counts triggers (_gen), the task records the count it has timed
# out (_done), and running means they differ. A trigger that lands as the task expires an older
# one therefore stays pending, and the task checks the count again after publishing the
# deadline it is about to sleep towards.
import asyncio
from time import ticks_add, ticks_diff, ticks_ms

try:
    from machine import disable_irq, enable_irq
except ImportError:
    # No machine.disable_irq (stock unix): no IRQ handler runs Python there; nothing to mask.
    disable_irq, enable_irq = (lambda: 0), (lambda state: None)

from _asyncio_internals import cancel_scheduled
from fastpoll import Flag
from micropython import schedule

from primitives import _callback, _end, _error

_GEN_MASK = 0x3FFFFFF  # trigger count wraps: small ints only


def _wake(timer):
    # Scheduled by trigger(): runs between bytecodes of the main program, never in an IRQ.
    timer._waking = False
    task = timer._task
    end = timer._sleep_end
    if task is None or end is None or not timer.running() or ticks_diff(timer._tend, end) >= 0:
        return
    # Cancelling the sleeping task makes it sleep again, to the new deadline. If it has not yet
    # gone to sleep (it is running, between publishing end and sleeping), try again later.
    if not cancel_scheduled(task):
        _schedule_wake(timer)


def _schedule_wake(timer):
    # At most one _wake() pending per timer (_waking). With the scheduler's queue full (a
    # burst of soft callbacks) nothing is pending, so the next trigger tries again; until then
    # the task sleeps on to the deadline it had and then, at once, to the new one. Raising
    # instead would stop a hard IRQ's handler (and disable its pin's line).
    timer._waking = True
    try:
        schedule(_wake, timer)
    except RuntimeError:
        timer._waking = False


_DEINIT = RuntimeError("Delay_ms.deinit() has run")  # raised in a hard IRQ (see _error)


class Delay_ms:
    def __init__(self, func=None, args=(), duration=1000):
        self._func = func
        self._args = args
        self._durn = duration
        self._retn = None
        self._tend = 0  # deadline, ticks_ms
        self._gen = 0  # triggers so far (masked); written only by trigger()
        self._done = 0  # the _gen the task last timed out or stop() cancelled
        self._sleep_end = None  # deadline the task sleeps towards, None when not sleeping
        self._waking = False  # a _wake() is scheduled
        self._trig = Flag()  # set by trigger(); the idle task waits here
        self._tout = asyncio.Event()  # set on expiry
        self.wait = self._tout.wait
        self.clear = self._tout.clear
        self.set = self._tout.set
        self._task = asyncio.create_task(self._run())

    async def _run(self):
        while self._task is not None:  # None: the callback ran deinit()
            await self._trig.wait()
            while self.running():
                done = self._done  # read before gen: a stop() after this changes it
                gen = self._gen  # read before _tend: a trigger in between makes gen stale
                tend = self._tend
                dt = ticks_diff(tend, ticks_ms())
                if dt > 0:
                    self._sleep_end = tend
                    if self._gen != gen:
                        # A trigger came before it could see _sleep_end: it may be earlier.
                        self._sleep_end = None
                        continue
                    try:
                        await asyncio.sleep_ms(dt)
                    except asyncio.CancelledError:
                        # _wake(): the deadline moved earlier; or deinit() ends the timer.
                        if self._task is None:
                            raise
                    self._sleep_end = None
                    continue  # the deadline may have moved while asleep
                # Expire trigger gen unless stop() ran since the reads above, in one masked
                # section: storing the older gen over a stop()'s newer one would undo it. A
                # newer trigger leaves it running: the loop times that. The event is set
                # outside the section (its set() runs Python, where soft callbacks may run),
                # so a trigger landing just before that set() is seen after it, and the event
                # cleared again.
                state = disable_irq()
                try:
                    fire = self._done == done and done != gen
                    if fire:
                        self._done = gen
                finally:
                    enable_irq(state)
                if not fire:
                    continue
                self._tout.set()
                if self._gen != gen:
                    self._tout.clear()  # retriggered meanwhile: running again
                # deinit() from a soft callback landing in set(): no callback after it.
                if self._func is not None and self._task is not None:
                    # The callback may retrigger: the loop then keeps timing.
                    self._retn = _callback(self._func, self._args)

    def trigger(self, duration=0):
        """(Re)start the delay: expire duration ms from now (0: the constructor's duration).

        Callable from tasks, soft callbacks and hard IRQ handlers: it allocates nothing."""
        if self._task is None:
            raise _error(_DEINIT)
        self._tend = ticks_add(ticks_ms(), duration if duration > 0 else self._durn)
        self._retn = None
        self._tout.clear()
        self._gen = (self._gen + 1) & _GEN_MASK  # after _tend: the task reads them the other way
        end = self._sleep_end
        if end is None:
            self._trig.set()
        elif ticks_diff(self._tend, end) < 0 and not self._waking:
            _schedule_wake(self)

    def stop(self):
        # A sleeping task wakes at the old deadline, sees it is stopped and goes idle.
        self._done = self._gen
        self._tout.clear()

    def running(self):
        return self._gen != self._done

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
            _end(task, self._trig)
