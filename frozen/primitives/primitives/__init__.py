# primitives: the shared implementation behind the tutorial modules, under the names
# Hinch's micropython-async v3 uses. Classes load lazily so importing one loads only it.
import asyncio

_attrs = {
    "Barrier": "barrier",
    "BoundedSemaphore": "semaphore",
    "Condition": "condition",
    "Delay_ms": "delay_ms",
    "Encoder": "encoder",
    "Event": "events",
    "Lock": "lock",
    "Pushbutton": "pushbutton",
    "Queue": "queue",
    "QueueEmpty": "queue",
    "QueueFull": "queue",
    "RingbufQueue": "ringbuf_queue",
    "Semaphore": "semaphore",
    "Switch": "switch",
    "WaitAll": "events",
    "WaitAny": "events",
}


def __getattr__(attr):
    mod = _attrs.get(attr)
    if mod is None:
        raise AttributeError(attr)
    value = getattr(__import__("primitives." + mod, None, None, [attr]), attr)
    globals()[attr] = value
    return value


async def _coro():
    pass


_coro_type = type(_coro())


def launch(func, args=()):
    """Call func(*args); if that gives a coroutine, run it as a task and return the task."""
    res = func(*args)
    if isinstance(res, _coro_type):
        return asyncio.create_task(res)
    return res


def _end(task):
    # How each driver's deinit() ends its tasks: cancel the task, unless deinit() runs inside
    # it, from a function callback the driver called ("press to quit"). asyncio cannot cancel
    # the running task, so that one ends by itself at its next check that its owner's _task
    # is None.
    if task is not asyncio.core.cur_task:
        task.cancel()
