# ThreadSafeEvent: an asyncio.Event whose set() may run in a hard IRQ, a soft callback or
# another thread, and which any number of tasks may wait on (Hinch v3 API).
#
# set() only sets a fastpoll Flag (one byte, nothing allocated). The first waiting task relays:
# it waits on the Flag, which asyncio polls in C, then sets the Event, which wakes the others.
# A relay that is cancelled hands the Flag to a helper task if other tasks still wait.
import asyncio

from _asyncio_internals import has_waiters
from fastpoll import Flag


class ThreadSafeEvent(asyncio.Event):
    def __init__(self):
        super().__init__()
        self._flag = Flag()
        self._relaying = False

    def set(self):
        """IRQ and thread safe."""
        self._flag.set()

    def is_set(self):
        return asyncio.Event.is_set(self) or self._flag.is_set()

    def clear(self):
        self._flag.clear()
        super().clear()

    async def _relay(self):
        self._relaying = True
        try:
            await self._flag.wait()
            asyncio.Event.set(self)
        finally:
            self._relaying = False

    async def _relay_rest(self):
        # The relay was cancelled: relay for the tasks still waiting, if any, unless a task
        # that began waiting meanwhile relays already (the Flag takes one waiter).
        if not self._relaying and has_waiters(self):
            await self._relay()

    async def wait(self):
        if not asyncio.Event.is_set(self):
            if self._relaying:
                await super().wait()
            else:
                try:
                    await self._relay()
                except asyncio.CancelledError:
                    asyncio.create_task(self._relay_rest())
                    raise
        return True
