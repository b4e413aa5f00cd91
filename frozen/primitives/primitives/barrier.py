# A reusable barrier: each round ends when the last of `participants` tasks arrives; it calls
# func(*args) (a function or a coroutine function) and releases the others.
import asyncio

from primitives import launch


class Barrier:
    def __init__(self, participants, func=None, args=()):
        if participants < 1:
            raise ValueError("Barrier needs at least one participant")
        self._parties = participants
        self._func = func
        self._args = args
        self._res = None
        self._count = 0  # arrivals in this round
        self._round = 0  # rounds completed; tells a released waiter from a waiting one
        self._released = asyncio.Event()

    def trigger(self):
        """Count one arrival without waiting; True if it completed the round."""
        self._count += 1
        if self._count < self._parties:
            return False
        self._count = 0
        self._round += 1
        if self._func is not None:
            self._res = launch(self._func, self._args)
        # Set then clear: the waiters are scheduled, and the next round starts unset.
        self._released.set()
        self._released.clear()
        return True

    async def wait(self):
        """Arrive and wait for the round to complete."""
        if self.trigger():
            return
        round_ = self._round
        try:
            await self._released.wait()
        except asyncio.CancelledError:
            # Cancelled before the round completed: the arrival no longer counts.
            if self._round == round_:
                self._count -= 1
            raise

    # await barrier: MicroPython awaits through __iter__, CPython through __await__.
    def __await__(self):
        return self.wait()

    __iter__ = __await__

    def busy(self):
        """True while some parties of this round have arrived."""
        return self._count > 0

    def result(self):
        """What func returned at the last completed round (a Task for a coroutine)."""
        return self._res
