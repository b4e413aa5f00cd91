# _asyncio_internals: the one module of this library that touches asyncio's private parts,
# each name checked here at import. What the library cannot do without missing: ImportError,
# naming it. What the hub, priority wake and the C trampoline also use missing (mip installs
# onto any MicroPython): `difference` names it; fastpoll then has no hub (its objects wait as
# ThreadSafeFlag does) and priority and the tutorial loop raise require()'s error.
import asyncio
import io
import sys
from asyncio import core
from time import ticks_diff, ticks_ms

from micropython import const

SUPPORTED = "MicroPython v1.21 to v1.28"  # v1.28.0: pinned, tested

MP_STREAM_POLL = const(3)  # py/stream.h: the ioctl asyncio's poller makes
POLL_RD = const(1)  # MP_STREAM_POLL_RD, select.POLLIN


def _missing(where, obj, names):
    for name in names:
        if not hasattr(obj, name):
            return "{} has no '{}'".format(where, name)
    return None


async def _unused():
    pass


def _required():
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


difference = _difference()  # None: all there


def require(feature):
    # The one clear error for feature (e.g. "fastpoll priority=True").
    if difference is not None:
        raise NotImplementedError(
            "{} needs the asyncio internals of {}; this is MicroPython v{}, where {}".format(
                feature, SUPPORTED, ".".join(str(n) for n in sys.implementation.version[:3]),
                difference))


# For the hubs and trampolines: they use what is checked above.
CORE = core
TaskQueue = core.TaskQueue


def current():
    # The running task or None (asyncio.current_task() raises then).
    return core.cur_task


def schedule(task, key=None):
    if key is None:
        core._task_queue.push(task)
    else:
        core._task_queue.push(task, key)


def park(queue):
    # The running task waits in queue; cancel() takes it out.
    task = core.cur_task
    queue.push(task)
    task.data = queue
    return task


def has_waiters(event):
    return event.waiting.peek() is not None


def run_until_complete(task):
    return core.run_until_complete(task)


def loop():
    return core._io_queue


def queue_read(obj):
    return core._io_queue.queue_read(obj)


class Pollable(io.IOBase):
    # A device whose _ready() asyncio's poller asks, through ioctl(), on every pass while a
    # task waits in wait_ready() (`yield from` or await it).

    def ioctl(self, req, arg):
        if req == MP_STREAM_POLL:
            return arg & POLL_RD if self._ready() else 0
        return -1  # no other request is supported

    def wait_ready(self):
        while not self._ready():
            yield core._io_queue.queue_read(self)


def join_hub(hub, obj):
    # The running task waits on obj through fastpoll's hub, in asyncio's IO map as a
    # stream; its read slot holds the hub, which wakes the tasks. True: a new entry.
    q = core._io_queue
    entry = q.map.get(id(hub))
    # Made anew too: an entry the hub emptied that asyncio kept (a pass cut short).
    new = entry is None or entry[0] is not hub
    if new:
        entry = [hub, None, hub]
        q.map[id(hub)] = entry
        q.poller.register(hub, POLL_RD)
        hub.attach(entry)
    hub.add(obj)
    return new


def cancel_scheduled(task):
    # Cancel task from a micropython.schedule() callback; False if it is running. asyncio
    # refuses to cancel cur_task, which names the last task run while the loop waits, and a
    # callback between two bytecodes of task would only mark it. So cur_task counts as running
    # unless parked (its data names a queue or the hub) or sleeping till a time to come.
    cur = core.cur_task
    if cur is task and task.data is None and ticks_diff(task.ph_key, ticks_ms()) <= 0:
        return False
    core.cur_task = None
    try:
        task.cancel()
    finally:
        core.cur_task = cur
    return True
