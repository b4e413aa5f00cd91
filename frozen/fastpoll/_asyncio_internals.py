# _asyncio_internals: the one place that says which private parts of asyncio this library
# reaches into, checked once, at import.
#
# Priority wake (fastpoll, priority=True) and the tutorial event loop (uasyncio) use asyncio.core
# internals: the I/O queue, its registrations and its per-pass poll; the run queue's order
# (TaskQueue push/remove/peek, each task's ph_key); the running task. Our firmware pins
# MicroPython, so there they always match. mip installs the same files onto any MicroPython;
# where asyncio differs, those two features raise one NotImplementedError (require() below)
# instead of an AttributeError from inside a scheduler pass. Everything else, plain Flag/Counter/
# Bits and the primitives, uses only what asyncio's own ThreadSafeFlag, Event and Lock use, and
# keeps working.
import sys
from asyncio import core

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


# fastpoll's priority IOQueue subclasses this; a stand-in base (never installed) when asyncio
# differs, so that importing fastpoll still works.
IOQueue = core.IOQueue if difference is None else object
