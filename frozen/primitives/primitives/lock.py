# asyncio's Lock, plus its owner: the tutorial's Lock makes releasing a lock the caller does
# not hold a clear error, where asyncio.Lock lets any task release it. It wraps rather than
# subclasses, because asyncio.Lock calls its own release() to pass on a cancelled hand-over.
import asyncio
from asyncio import core


class Lock:
    def __init__(self):
        self._lock = asyncio.Lock()  # FIFO hand-over and cancellation are asyncio's
        self.owner = None  # the task holding the lock

    def locked(self):
        return self._lock.locked()

    async def acquire(self):
        await self._lock.acquire()
        self.owner = core.cur_task
        return True

    def release(self):
        if not self._lock.locked():
            raise RuntimeError("Lock not acquired")
        # A finished owner cannot release it any more: typically the helper task that
        # wait_for() ran acquire() in. Its caller, or any task, may then.
        if self.owner is not core.cur_task and not self.owner.done():
            raise RuntimeError("Lock released by a task that does not hold it")
        self.owner = None
        self._lock.release()

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
