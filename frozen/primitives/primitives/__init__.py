# primitives: the shared implementation behind the tutorial modules, under the names
# Hinch's micropython-async v3 uses. Classes load lazily so importing one loads only it.
import asyncio

_attrs = {
    "AADC": "aadc",
    "Agent": "broker",
    "Barrier": "barrier",
    "Broker": "broker",
    "BoundedSemaphore": "semaphore",
    "Condition": "condition",
    "Delay_ms": "delay_ms",
    "EButton": "ebutton",
    "ELO": "events",
    "ESwitch": "eswitch",
    "Encoder": "encoder",
    "Event": "events",
    "broker": "broker",
    "Keyboard": "sw_array",
    "Lock": "lock",
    "Pushbutton": "pushbutton",
    "Queue": "queue",
    "QueueEmpty": "queue",
    "QueueFull": "queue",
    "RegExp": "broker",
    "RingbufQueue": "ringbuf_queue",
    "Semaphore": "semaphore",
    "SwArray": "sw_array",
    "Switch": "switch",
    "WaitAll": "events",
    "WaitAny": "events",
}


def __getattr__(attr):
    mod = _attrs.get(attr)
    if mod is None:
        raise AttributeError(attr)
    module = __import__("primitives." + mod, None, None, [attr])
    value = getattr(module, attr)
    globals()[attr] = value
    if mod == "broker":
        # Importing the submodule made primitives.broker the module: Hinch's name for the
        # Broker instance wins, so `from primitives import Agent, broker` gives the instance.
        globals()["broker"] = module.broker
    return value


async def _coro():
    pass


_coro_type = type(_coro())
type_coro = _coro_type  # Hinch's name for it


def set_global_exception():
    """Make an exception in any task print its traceback and end the program (sys.exit()),
    instead of the task dying alone."""

    def handler(loop, context):
        import sys

        sys.print_exception(context["exception"])
        sys.exit()

    asyncio.get_event_loop().set_exception_handler(handler)


def launch(func, args=()):
    """Call func(*args); if that gives a coroutine, run it as a task and return the task."""
    res = func(*args)
    if isinstance(res, _coro_type):
        return asyncio.create_task(res)
    return res


def _callback(func, args=()):
    # launch() for a driver's user callback, run in the driver's task: an error in it goes to
    # the event loop's exception handler (printed by default; set_global_exception() ends the
    # program) and the driver's task goes on, so one bad event does not stop the driver.
    try:
        return launch(func, args)
    except Exception as e:  # noqa: BLE001 - any error of the user's, reported below
        asyncio.get_event_loop().call_exception_handler(
            {"message": "callback raised", "exception": e, "future": asyncio.current_task()})


def _event(owner, i, n):
    # owner._evs[i] (a list of n, made on first use), an asyncio.Event made on first use: the
    # lazily made events of Switch and Pushbutton, so an unused one costs no RAM.
    evs = owner._evs
    if evs is None:
        evs = owner._evs = [None] * n
    ev = evs[i]
    if ev is None:
        ev = evs[i] = asyncio.Event()
    return ev


def _select(owner, i, n, func):
    # What *_func(func) does to action i's event: None selects it (cleared); False disables it
    # even so, as Hinch's does, but keeps it (bit i of owner._off), so that a task waiting on it
    # is woken again after a later None; a function clears that bit. _off is written only when
    # it changes: an unused one costs the instance no slot.
    if func is None:
        _event(owner, i, n).clear()
    if func is not None and not func:
        owner._off |= 1 << i
    elif owner._off >> i & 1:
        owner._off &= ~(1 << i)  # not ^=: a callback may have cleared it since the test


def _set_event(owner, i):
    # Set action i's event if it was made and *_func(False) has not turned it off. owner._evs
    # is read once: a soft callback may run between two reads.
    evs = owner._evs
    if evs is not None and not owner._off >> i & 1:
        ev = evs[i]
        if ev is not None:
            ev.set()


def _error(premade):
    # The error to raise where a hard IRQ may be: premade (made at import) when nothing can be
    # allocated (the heap is locked, or full), else a fresh copy. MicroPython appends traceback
    # entries to an exception object on every raise and never clears them, so raising premade
    # from a task would grow it, and the heap, on each raise. The probe allocates nothing when
    # the heap is locked: the MemoryError is the emergency one. Which calls raise what, and
    # where: docs/irq-contract.md.
    try:
        [None]
    except MemoryError:
        return premade
    return type(premade)(premade.args[0])


def _end(task, flag=None):
    # How each driver's deinit() ends its tasks: cancel the task, unless deinit() runs inside
    # it, from a function callback the driver called ("press to quit"), or from a soft callback
    # landing between two of its bytecodes. asyncio cannot cancel the running task, so that one
    # ends by itself at its next check that its owner's _task is None; flag, the one thing it
    # may be about to park on, is set so that it gets there (nothing else will set it once the
    # IRQs are off). cur_task alone cannot tell: while the loop idles, or after Ctrl-C, it still
    # names the last task run, which a soft callback or the REPL must still cancel.
    # The flag alone can be cleared by the task before it reads its state, so the cancel is
    # also tried again from a scheduled callback until the task has parked or ended.
    from _asyncio_internals import cancel_scheduled

    if cancel_scheduled(task) or task.done():
        return
    if flag is not None:
        flag.set()
    try:
        import micropython

        micropython.schedule(_end, task)
    except RuntimeError:
        pass  # the queue is full: the flag and the task's own checks remain
