# Waiting on several events at once. Anything with a wait() coroutine counts as an event, so
# WaitAny and WaitAll nest. One task at a time may wait on a given WaitAny/WaitAll.
import asyncio
from asyncio import Event  # noqa: F401 (primitives.Event is asyncio's)


class WaitAny:
    def __init__(self, events):
        self.events = events
        self._fired = None
        self._done = asyncio.Event()

    async def _watch(self, event):
        await event.wait()
        if self._fired is None:
            self._fired = event
        self._done.set()

    async def wait(self):
        """Wait until any event is set; returns that event."""
        self._fired = None
        self._done.clear()
        tasks = [asyncio.create_task(self._watch(e)) for e in self.events]
        try:
            await self._done.wait()
        finally:
            for t in tasks:
                t.cancel()
        return self._fired

    def event(self):
        """The event that ended the last wait()."""
        return self._fired

    def clear(self):
        for e in self.events:
            e.clear()


class WaitAll:
    def __init__(self, events):
        self.events = events

    async def wait(self):
        """Wait until every event has been set (not necessarily at the same time)."""
        tasks = [asyncio.create_task(e.wait()) for e in self.events]
        try:
            for t in tasks:
                await t
        finally:
            for t in tasks:
                t.cancel()

    def clear(self):
        for e in self.events:
            e.clear()
