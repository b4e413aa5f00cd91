# Waiting on several events at once (Hinch v3 API). Anything with a wait() coroutine counts as
# an event, so WaitAny, WaitAll, ELO and Delay_ms nest. Hinch's module also holds the Event-only
# drivers, ESwitch and EButton: here they are primitives.eswitch and primitives.ebutton, served
# from this module's name when asked for, so that waiting on events loads no button code.
import asyncio
from asyncio import Event  # noqa: F401 (primitives.Event is asyncio's)

_drivers = ("ESwitch", "EButton")
# `from primitives.events import *` looks __all__ up through __getattr__: it must exist.
__all__ = ("ELO", "Event", "WaitAll", "WaitAny", "ESwitch", "EButton")  # noqa: F822 (__getattr__)


def __getattr__(name):
    if name not in _drivers:
        raise AttributeError(name)
    import primitives

    return getattr(primitives, name)


class _Group:
    # What WaitAny and WaitAll share: a task per member; wait() returns once `need` of them
    # have returned, or raises at once what a member's wait() raised.
    def __init__(self, events):
        self.events = events
        self._fired = None
        self._error = None
        self._left = 0
        self._done = asyncio.Event()

    async def _watch(self, event):
        try:
            await event.wait()
        except asyncio.CancelledError:
            raise
        except Exception as e:  # e.g. a fastpoll object that another task waits on
            self._error = e
            self._done.set()
            return
        if self._fired is None:
            self._fired = event
        self._left -= 1
        if self._left <= 0:
            self._done.set()

    async def _wait(self, need):
        self._fired = self._error = None
        self._left = need
        self._done.clear()
        tasks = [asyncio.create_task(self._watch(e)) for e in self.events]
        try:
            if need:
                await self._done.wait()
        finally:
            for t in tasks:
                t.cancel()
        if self._error is not None:
            raise self._error

    def clear(self):
        # Members without clear() (a task wrapped in ELO, say) are skipped.
        for e in self.events:
            if hasattr(e, "clear"):
                e.clear()


class WaitAny(_Group):
    """One task at a time may wait on a given WaitAny."""

    async def wait(self):
        """Wait until any event is set; returns that event. A member's error is raised here."""
        await self._wait(1)
        return self._fired

    def event(self):
        """The event that ended the last wait()."""
        return self._fired


class WaitAll(_Group):
    """One task at a time may wait on a given WaitAll."""

    async def wait(self):
        """Wait until every event has been set (not necessarily at the same time). The first
        error a member's wait() raises is raised here, at once."""
        await self._wait(len(self.events))


class ELO:
    """An event-like object from a task or a coroutine function and its arguments: wait()
    returns when the task ends (raises what it raised); elo() is the task, or the
    CancelledError that ended it."""

    _done = None  # an Event set when the task has ended: made at the first wait()
    _error = None

    def __init__(self, coro, *args, **kwargs):
        self._task = coro if isinstance(coro, asyncio.Task) else asyncio.create_task(
            coro(*args, **kwargs))

    async def _watch(self):
        # The only awaiter of the task that nobody cancels: cancelling a task that awaits
        # another cancels that one too, so WaitAny's helpers (cancelled when another member
        # wins) and callers of wait() await the Event instead.
        try:
            await self._task
        except asyncio.CancelledError as e:
            self._task = e  # cancelled: WaitAny/WaitAll over it still complete
        except Exception as e:
            self._error = e
        self._done.set()

    async def wait(self):
        if self._done is None:
            self._done = asyncio.Event()
            asyncio.create_task(self._watch())
        await self._done.wait()
        e = self._error
        if e is not None:
            # Each raise appends to the object's traceback, which MicroPython never clears:
            # the next wait() raises a copy, so that waiting again does not grow the heap.
            try:
                self._error = type(e)(*e.args)
            except Exception:  # an exception type made otherwise: raise it as it is
                pass
            raise e

    def __call__(self):
        return self._task
