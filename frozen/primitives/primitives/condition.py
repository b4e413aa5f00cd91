# asyncio's Condition (CPython API) over the owner-checking Lock. notify(n) hands out n turns
# to the tasks waiting then; a notified task that is cancelled passes its turn on.
import asyncio

from _asyncio_internals import current

from primitives.lock import Lock
from primitives.waiters import Waiters


class Condition:
    """lock: the Lock it uses (a primitives.Lock, or an asyncio.Lock), public as in Hinch's."""

    def __init__(self, lock=None):
        self.lock = Lock() if lock is None else lock
        self._nwait = 0  # tasks inside wait()
        self._turns = 0  # notifications not yet taken; never more than _nwait
        self._waiters = Waiters(self._notified)

    def _notified(self):
        return self._turns > 0

    def locked(self):
        return self.lock.locked()

    async def acquire(self):
        return await self.lock.acquire()

    def release(self):
        self.lock.release()

    async def __aenter__(self):
        return await self.lock.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.lock.release()

    # `with await cond:` (Hinch's form): awaiting acquires the lock, leaving the block
    # releases it. MicroPython awaits through __iter__, CPython through __await__.
    def __await__(self):
        yield from self.lock.acquire()
        return self

    __iter__ = __await__

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.lock.release()

    def notify(self, n=1):
        if not self.lock.locked():
            raise RuntimeError("Condition.notify() needs the lock held")
        self._turns = min(self._turns + n, self._nwait)
        self._waiters.wake()

    def notify_all(self):
        self.notify(self._nwait)

    def _owner(self):
        # The calling task must hold the lock, as Lock.release() judges it. An asyncio.Lock
        # knows no owner: being locked is all it can tell.
        lock = self.lock
        if isinstance(lock, Lock):
            owner = lock.owner
            held = lock._held()
        else:
            owner = None
            held = lock.locked()
        if not held:
            raise RuntimeError("Condition.wait() needs the lock held by the caller")
        return owner

    def wait(self):
        """Release the lock, wait for a notification, then hold the lock again."""
        # Checked here, in the task that calls wait(), not when the coroutine runs:
        # asyncio.wait_for(cond.wait(), t) runs it in a helper task, lent the caller's lock.
        return self._wait(self._owner())

    async def _wait(self, owner):
        if owner is not None:
            if self.lock.owner is not owner:
                raise RuntimeError("Condition lock changed hands before wait() ran")
            self.lock.owner = current()  # lent, so that this task may release it
        self.lock.release()
        self._nwait += 1
        try:
            await self._waiters.wait()
            self._turns -= 1
            self._waiters.wake()
        finally:
            self._nwait -= 1
            self._turns = min(self._turns, self._nwait)
            await self._reacquire()
        return True

    def wait_for(self, predicate):
        """Wait until predicate() is true, with the lock held; returns its result."""
        return self._wait_for(predicate, self._owner())

    async def _wait_for(self, predicate, owner):
        result = predicate()
        while not result:
            await self._wait(owner)
            owner = self._owner()  # the task running this, which acquired it again
            result = predicate()
        return result

    async def _reacquire(self):
        # As in CPython the caller gets the lock back whatever happens: a cancellation that
        # arrives meanwhile is raised once the lock is held.
        cancelled = None
        while True:
            try:
                await self.lock.acquire()
                break
            except asyncio.CancelledError as e:
                cancelled = e
        if cancelled is not None:
            raise cancelled
