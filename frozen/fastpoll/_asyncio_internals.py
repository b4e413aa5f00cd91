# _asyncio_internals: the one place that says which private parts of asyncio this library
# reaches into, checked once, at import.
#
# fastpoll's hub (every wait, and priority wake) and the tutorial event loop (uasyncio) use
# asyncio.core internals: the I/O queue, its registrations and its per-pass poll; the run
# queue's order (TaskQueue push/remove/peek, each task's ph_key and data); the running task.
# Delay_ms cancels its sleeping task from a micropython.schedule() callback (cancel_scheduled).
# Our firmware pins MicroPython, so there they always match. mip installs the same files onto
# any MicroPython; where asyncio differs, priority and the tutorial loop raise one
# NotImplementedError (require() below) instead of an AttributeError from inside a scheduler
# pass, and fastpoll has no hub: its Flag/Counter/Bits then wait as asyncio's own
# ThreadSafeFlag does (queue_read), and keep working, as do the primitives.
import sys
from asyncio import core
from time import ticks_diff, ticks_ms

# The asyncio of these versions has the shape checked below (v1.21 renamed uasyncio to asyncio);
# v1.28.0 is the one pinned and tested.
SUPPORTED = "MicroPython v1.21 to v1.28"


def _missing(where, obj, names):
    for name in names:
        if not hasattr(obj, name):
            return "{} has no '{}'".format(where, name)
    return None


async def _unused():
    pass


def _difference():
    # What differs from the shape this library relies on, or None.
    found = (
        _missing("asyncio.core", core, ("IOQueue", "Task", "_io_queue", "_task_queue",
                                        "cur_task", "run_until_complete"))
        or _missing("asyncio.core._io_queue", core._io_queue,
                    ("map", "poller", "queue_read", "remove", "wait_io_event"))
        or _missing("asyncio.core._task_queue", core._task_queue, ("push", "remove", "peek"))
        or _missing("an asyncio Task", core.Task(_unused()), ("ph_key", "data"))
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
