# uasyncio: the name tutorial-era programs import. It is asyncio, plus the event loop those
# programs drive (call_soon, call_later_ms, ...). Frozen as a package, it is found before
# upstream's frozen uasyncio.py alias module (import tries a directory before a .py file), so
# `from uasyncio.queues import Queue` works; asyncio itself is not changed in any way.
#
# Tasks started through this loop (create_task, run_until_complete, call_* with a coroutine)
# run as the tutorial describes: a bare `yield` gives way like `await asyncio.sleep_ms(0)`.
# asyncio would drop such a task silently. `yield <value>` (pre-asyncio style) raises a
# TypeError at that line. Tasks made with asyncio.create_task() keep asyncio's rules.
import asyncio
from asyncio import core
from time import ticks_add, ticks_diff, ticks_ms

import _asyncio_internals as internals


def __getattr__(attr):
    return getattr(asyncio, attr)


def _drive(coro):
    # Runs coro as the task's coroutine and watches each time it gives way. Every asyncio
    # awaitable either names the queue the task waits on in task.data or has put the task on
    # the run queue; with task.data None the task may be on the run queue (sleep) or nowhere
    # (bare yield). remove() is a no-op for a task that is not queued, so re-queuing it at
    # its own wake time (or now, if that has passed) serves both without a double entry.
    value = None
    error = None
    while True:
        try:
            if error is None:
                got = coro.send(value)
            else:
                got = coro.throw(error)
        except StopIteration as e:
            return e.value
        error = None
        task = core.cur_task
        if got is not None:
            error = TypeError("a coroutine yielded a value: use await")
            continue
        if task.data is None:
            key = task.ph_key
            now = ticks_ms()
            if ticks_diff(key, now) < 0:
                key = now
            core._task_queue.remove(task)
            core._task_queue.push(task, key)
        try:
            value = yield
        except BaseException as e:  # CancelledError and the like go to the coroutine
            error = e


def _call_at(when, func, args):
    # A task that resumes at tick `when`, then calls func(*args). func may be a coroutine, or
    # give one (a coroutine function): that runs on in this task, so the Task call_* returned
    # stands for the whole callback.
    core._task_queue.push(core.cur_task, when)
    yield
    res = func if hasattr(func, "send") else func(*args)
    if hasattr(res, "send"):
        res = yield from _drive(res)
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
        return core.run_until_complete(aw)

    def time():
        """Milliseconds, the clock of call_at()."""
        return ticks_ms()

    def call_at_(when, func, args=()):
        return asyncio.create_task(_call_at(when, func, args))

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
