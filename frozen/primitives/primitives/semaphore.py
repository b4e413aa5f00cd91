# Counting semaphores with FIFO hand-over: a release goes to the longest waiter, never to a
# task that arrives later, and a waiter cancelled at any point leaves the count exact.
from primitives.waiters import Waiters


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore value must be >= 0")
        self._count = value
        self._waiters = Waiters(self._available)

    def _available(self):
        return self._count > 0

    def locked(self):
        """True when acquire() would have to wait."""
        return self._count == 0 or self._waiters.busy()

    async def acquire(self):
        await self._waiters.wait()
        self._count -= 1
        self._waiters.wake()
        return True

    def release(self):
        self._count += 1
        self._waiters.wake()

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() raises ValueError when it would exceed the initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._limit = value

    def release(self):
        if self._count >= self._limit:
            raise ValueError("Semaphore released too many times")
        super().release()
