# _asyncio_internals: the one module of this library that touches asyncio's private parts
# (asyncio.core and the private attributes of its objects); everything else goes through it.
# Every name it uses is checked here, once, at import. Two tiers:
# - What the library cannot do without (a task's run queue and its waiting rooms, the running
#   task, a pollable's wait): an asyncio without it raises ImportError here, naming it.
# - What fastpoll's hub (every wait, and priority wake), the C hub and the C trampoline of the
#   tutorial event loop (uasyncio) use besides (the I/O queue's registrations and per-pass
#   poll, the run queue's order: each task's ph_key): `difference` names the first that is
#   missing. Our firmware pins MicroPython, so there nothing differs. mip installs the same
#   files onto any MicroPython; where asyncio differs, priority and the tutorial loop raise one
#   NotImplementedError (require() below) instead of an AttributeError from inside a scheduler
#   pass, and fastpoll has no hub: its Flag/Counter/Bits then wait as asyncio's own
#   ThreadSafeFlag does (queue_read), and keep working, as do the primitives.
import asyncio
import io
import sys
from asyncio import core
from time import ticks_diff, ticks_ms

from micropython import const

# The asyncio of these versions has the shape checked below (v1.21 renamed uasyncio to asyncio);
# v1.28.0 is the one pinned and tested.
SUPPORTED = "MicroPython v1.21 to v1.28"

# The stream ioctl protocol that asyncio's poller (select.poll) speaks (py/stream.h).
MP_STREAM_POLL = const(3)
POLL_RD = const(1)  # MP_STREAM_POLL_RD, select.POLLIN
POLL_WR = const(4)  # MP_STREAM_POLL_WR
POLL_ERR = const(8)  # MP_STREAM_POLL_ERR


def _missing(where, obj, names):
    for name in names:
        if not hasattr(obj, name):
            return "{} has no '{}'".format(where, name)
    return None


async def _unused():
    pass


def _required():
    # What the library cannot do without, or None when all of it is there.
    return (
        _missing("asyncio.core", core, ("TaskQueue", "Task", "_task_queue", "_io_queue",
                                        "cur_task"))
        or _missing("asyncio.core._task_queue", core._task_queue, ("push",))
        or _missing("an asyncio TaskQueue", core.TaskQueue(), ("push", "pop", "peek"))
        or _missing("an asyncio Task", core.Task(_unused()), ("data",))
        or _missing("an asyncio Event", asyncio.Event(), ("waiting",))
        or _missing("asyncio.core._io_queue", core._io_queue, ("queue_read",))
    )


_lacking = _required()
if _lacking is not None:
    raise ImportError("this library needs the asyncio internals of {}; {}".format(
        SUPPORTED, _lacking))


def _difference():
    # What differs from the shape the hub, priority wake and the tutorial loop rely on, or None.
    found = (
        _missing("asyncio.core", core, ("IOQueue", "run_until_complete"))
        or _missing("asyncio.core._io_queue", core._io_queue,
                    ("map", "poller", "remove", "wait_io_event"))
        or _missing("asyncio.core._task_queue", core._task_queue, ("remove", "peek"))
        or _missing("an asyncio Task", core.Task(_unused()), ("ph_key",))
    )
    if found is None and not isinstance(core._io_queue.map, dict):
        found = "asyncio.core._io_queue.map is not a dict"
    return found


difference = _difference()  # None: asyncio is as this library expects


def require(feature):
    """Raise the one clear error for feature (e.g. 'fastpoll priority=True') if asyncio differs."""
    if difference is not None:
        raise NotImplementedError(
            "{} needs the asyncio internals of {}; this is MicroPython v{}, where {}".format(
                feature, SUPPORTED, ".".join(str(n) for n in sys.implementation.version[:3]),
                difference))


# The asyncio module the C parts are given (the hub, the tutorial loop's trampoline): they read
# cur_task, _task_queue (push, peek), and a task's data and ph_key, all checked above.
CORE = core
TaskQueue = core.TaskQueue


def current():
    """The running task; outside one, None (or the last task run, while the loop waits):
    asyncio.current_task() raises there."""
    return core.cur_task


def schedule(task, key=None):
    """Put task on asyncio's run queue, to run after the tasks ready now, or at tick key."""
    if key is None:
        core._task_queue.push(task)
    else:
        core._task_queue.push(task, key)


def park(queue):
    """Put the running task in queue (a TaskQueue) and return it: the caller then yields.
    Cancelling the task takes it out of the queue (a task's data names where it waits)."""
    task = core.cur_task
    queue.push(task)
    task.data = queue
    return task


def has_waiters(event):
    """Whether tasks wait on event, an asyncio.Event."""
    return event.waiting.peek() is not None


def run_until_complete(task):
    return core.run_until_complete(task)


def queue_read(obj):
    """What a task yields to wait until obj's ioctl() says it is readable (as asyncio's own
    ThreadSafeFlag waits)."""
    return core._io_queue.queue_read(obj)


class Pollable(io.IOBase):
    """A device whose readiness a Python ioctl() answers: while a task waits in wait_ready(),
    asyncio's poller calls it on every scheduler pass. A subclass defines _ready()."""

    def ioctl(self, req, arg):
        if req == MP_STREAM_POLL:
            return arg & POLL_RD if self._ready() else 0
        return -1  # no other request is supported

    def wait_ready(self):
        """`yield from` it (or await it): returns once _ready() is true."""
        while not self._ready():
            yield core._io_queue.queue_read(self)


def join_hub(hub, obj):
    """The running task waits on obj through fastpoll's hub. The hub joins asyncio's IO map and
    poller as a stream would (an entry [read waiter, write waiter, stream]). Its read slot holds
    the hub, never a task: the hub wakes tasks itself and answers POLLOUT, so asyncio only polls
    it again, and empties the slot when nothing waits, so asyncio drops it."""
    q = core._io_queue
    entry = q.map.get(id(hub))
    # An entry whose read slot the hub emptied (nothing waited) but that asyncio did not drop,
    # because that scheduler pass was cut short (Ctrl-C, another stream's ioctl raising), is
    # made anew too: the hub, detached from it, would never empty it, and asyncio would drop
    # it at the next wake with waiters left.
    if entry is None or entry[0] is not hub:
        entry = [hub, None, hub]
        q.map[id(hub)] = entry
        q.poller.register(hub, POLL_RD)
        hub.attach(entry)
    hub.add(obj)


def cancel_scheduled(task):
    """Cancel task from a micropython.schedule() callback; False if it is running, not cancelled.

    asyncio leaves cur_task naming the last task run while the loop waits, and refuses to
    cancel cur_task. A scheduled callback may also run between two bytecodes of task itself:
    cancel() would then only mark it, and the CancelledError would come at its next resume,
    after whatever it is about to await. So a task that is cur_task counts as running unless
    it is parked: waiting on something (its data names that queue, or the fastpoll hub) or
    sleeping towards a time still to come. The caller then tries again later, or (deinit())
    leaves the task to end by itself."""
    cur = core.cur_task
    if cur is task and task.data is None and ticks_diff(task.ph_key, ticks_ms()) <= 0:
        return False
    core.cur_task = None
    try:
        task.cancel()
    finally:
        core.cur_task = cur
    return True
