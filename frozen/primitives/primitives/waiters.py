# The waiting room shared by Semaphore, Condition and Queue: tasks park in FIFO order and at
# most one of them is woken at a time. That one waiter is remembered, so when it is cancelled
# after its wake-up and before it ran, its turn passes to the next task instead of being lost.
import asyncio

import _asyncio_internals as internals


class Waiters:
    def __init__(self, ready):
        self._q = internals.TaskQueue()
        self._woken = None  # popped from _q and scheduled, but not yet resumed
        self._ready = ready  # true when the first waiter could proceed

    def busy(self):
        """True while tasks wait or one is on its way: a newcomer must queue behind them."""
        return self._woken is not None or self._q.peek() is not None

    def wake(self):
        """Schedule the first waiter if it could proceed and none is already on its way."""
        if self._woken is None and self._q.peek() and self._ready():
            self._woken = self._q.pop()
            internals.schedule(self._woken)

    # async
    def wait(self):
        """Return when ready() holds and every earlier waiter has had its turn."""
        if not self.busy() and self._ready():
            return
        while True:
            task = internals.park(self._q)
            try:
                yield
            except asyncio.CancelledError:
                if self._woken is task:
                    self._woken = None
                    self.wake()
                raise
            self._woken = None
            # Only a *_nowait() caller, which never waits, can have taken the turn meanwhile.
            if self._ready():
                return
