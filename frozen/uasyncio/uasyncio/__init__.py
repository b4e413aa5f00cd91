# uasyncio: the name tutorial-era programs import: asyncio, plus the event loop they drive
# (call_soon, ...). A package is found before upstream's frozen uasyncio.py alias, so
# `from uasyncio.queues import Queue` works; asyncio itself is not changed.
#
# In tasks started through this loop a bare `yield` gives way like asyncio.sleep_ms(0) (asyncio
# would drop the task) and `yield <value>` raises a TypeError there; asyncio.create_task()'s
# tasks keep asyncio's rules.
import asyncio
from time import ticks_add, ticks_ms

import _asyncio_internals as internals


def __getattr__(attr):
    return getattr(asyncio, attr)


# The trampoline that runs each task of this loop (see drive.py): in C where the firmware has it.
try:
    from _uasyncio import Drive as _Drive
except ImportError:  # stock firmware
    from uasyncio.drive import Drive as _Drive


def _drive(coro):
    return _Drive(coro, internals.CORE)


def _call_at(when, func, args):
    # Resumes at tick `when`, then calls func(*args). func may be a coroutine, or give one (a
    # coroutine function): that runs on in this task (driven, as the task is, by _drive), so the
    # Task call_* returned stands for the whole callback.
    internals.schedule(internals.current(), when)
    yield
    res = func if hasattr(func, "send") else func(*args)
    if hasattr(res, "send"):
        res = yield from res
    return res


async def _await(aw):
    return await aw


class Loop(asyncio.Loop):
    """asyncio's loop plus the tutorial's scheduling calls. Each call_* returns the Task that
    runs the callback: its cancel() stops a callback that has not run yet."""

    def create_task(coro):
        if not hasattr(coro, "send"):
            # An awaitable that is not a coroutine, e.g. asyncio.sleep(1), as uasyncio V2
            # programs pass to run_until_complete().
            coro = _await(coro)
        return asyncio.create_task(_drive(coro))

    def run_until_complete(aw):
        if not isinstance(aw, asyncio.Task):
            aw = Loop.create_task(aw)
        return internals.run_until_complete(aw)

    def time():
        """Milliseconds, the clock of call_at()."""
        return ticks_ms()

    def call_at_(when, func, args=()):
        return asyncio.create_task(_drive(_call_at(when, func, args)))

    def call_later_ms_(delay, func, args=()):
        return Loop.call_at_(ticks_add(ticks_ms(), delay), func, args)

    def call_at(when, func, *args):
        return Loop.call_at_(when, func, args)

    def call_later_ms(delay, func, *args):
        return Loop.call_later_ms_(delay, func, args)

    def call_later(delay, func, *args):
        return Loop.call_later_ms_(int(delay * 1000), func, args)

    def call_soon(func, *args):
        return Loop.call_at_(ticks_ms(), func, args)


# runq_len and waitq_len sized the queues of the tutorial's uasyncio; asyncio needs neither.
def get_event_loop(runq_len=0, waitq_len=0):
    internals.require("uasyncio's tutorial event loop")
    return Loop


def new_event_loop():
    internals.require("uasyncio's tutorial event loop")
    asyncio.new_event_loop()
    return Loop
