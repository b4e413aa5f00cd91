# asyncio's Lock, plus its owner: the tutorial's Lock makes releasing a lock the caller does
# not hold a clear error, where asyncio.Lock lets any task release it. It wraps rather than
# subclasses, because asyncio.Lock calls its own release() to pass on a cancelled hand-over.
import asyncio

from _asyncio_internals import current


class Lock:
    def __init__(self):
        self._lock = asyncio.Lock()  # FIFO hand-over and cancellation are asyncio's
        self.owner = None  # the task holding the lock

    def locked(self):
        return self._lock.locked()

    async def acquire(self):
        await self._lock.acquire()
        self.owner = current()
        return True

    def _held(self):
        # Whether the running task may release it: it owns it, or the owner has finished,
        # typically the helper task that wait_for() ran acquire() in; its caller (or any task)
        # may release it then.
        owner = self.owner
        return owner is current() or owner is not None and owner.done()

    def release(self):
        if not self._lock.locked():
            raise RuntimeError("Lock not acquired")
        if not self._held():
            raise RuntimeError("Lock released by a task that does not hold it")
        self.owner = None
        self._lock.release()

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
