# Waiting on several events at once, and the Event-only drivers (Hinch v3 API). Anything with a
# wait() coroutine counts as an event, so WaitAny, WaitAll, ELO and Delay_ms nest.
import asyncio
from asyncio import Event  # noqa: F401 (primitives.Event is asyncio's)

from primitives.clicks import Clicks
from primitives.edges import Input


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


class ESwitch(Input):
    """A debounced switch with only an Event interface: open and close. lopen: the level of
    the open switch. irq=True (ours): an edge IRQ instead of polling."""

    # Class-level default: an instance holds a slot only for a value it changes.
    _lopen = 1

    def __init__(self, pin, lopen=1, *, irq=False):
        self._pin = pin
        if lopen != 1:
            self._lopen = lopen
        self.open = asyncio.Event()
        self.close = asyncio.Event()
        self._state = pin() ^ lopen  # 1: closed
        self._watch(pin, irq)

    def _check(self):
        state = self._pin() ^ self._lopen
        if state == self._state:
            return False
        self._state = state
        (self.close if state else self.open).set()
        return True

    def __call__(self):
        """The debounced state: 1 closed, 0 open."""
        return self._state

    def deinit(self):
        self._stop()
        self.open.clear()
        self.close.clear()


# EButton's events, by the engine's action numbers (primitives.clicks).
_NAMES = ("press", "release", "double", "long")


class EButton(Clicks):
    """A debounced pushbutton with only an Event interface: press, double, long, release.
    suppress=True: a single click sets press and release once it can no longer be a double
    (at release if held longer), a double click double and release, a long press long and
    release. irq=True (ours): an edge IRQ."""

    _defer_press = True  # with suppress, press is reported with release

    def __init__(self, pin, suppress=False, sense=None, *, irq=False):
        # Made at once: an action before the first wait() is kept, as with Hinch's.
        self.press = asyncio.Event()
        self.double = asyncio.Event()
        self.long = asyncio.Event()
        self.release = asyncio.Event()
        super().__init__(pin, suppress, sense, irq)

    def _wanted(self, what):
        return True  # every action is looked for: the events are always there

    def _fire(self, what):
        getattr(self, _NAMES[what]).set()

    def deinit(self):
        self._stop()
        for e in (self.press, self.double, self.long, self.release):
            e.clear()
