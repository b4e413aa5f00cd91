# fastpoll: IRQ-to-task hand-off, its readiness checked in C.
#
# The C module _fastpoll (else its Python twin fastpoll.fallback, as asyncio falls back from
# _asyncio to its task module) answers asyncio's poller; this adds wait() and priority wake.
#
# Flag(*, priority=False)     set() from a hard IRQ; await wait() returns once set, then clears.
# Counter(*, priority=False)  add(n=1) from a hard IRQ; await wait() returns the number of
#                             events since the last wait (>= 1), read and reset atomically.
#                             The count saturates at Counter.MAX (2**30 - 1): a wait() that
#                             returns MAX means "at least MAX".
# Bits(target, mask, value=None, *, priority=False)
#                             await wait() returns once (word & mask) == value (value
#                             defaults to mask). target: a 4-byte aligned address of a 32-bit
#                             word in the board's memory map (a status register: reading it
#                             must have no side effect), or a buffer whose first item is the
#                             word (bytearray: 1 byte, array('H'): 2, array('I'): 4).
#
# One waiter per object: a second task calling wait() meanwhile raises RuntimeError (use an
# asyncio.Event to fan out). Cancelling the waiting task unregisters the object.
#
# priority=True: the task woken by this object runs before the tasks that were merely ready.
#
# How the hub makes this cost one C call per idle pass, however many objects wait: docs/hub.md.
# What may run in a hard IRQ, and what it allocates: docs/irq-contract.md.
#
# A Bits' word changes without an interrupt. Where the port idles tickless (rp2), asyncio's
# poller, waiting without a timeout, would never look at it again: there BITS_POLL_MS > 0, and
# while any Bits is waited one task sleeps that many ms in a loop, bounding the poll.
import asyncio

import _asyncio_internals as internals

try:
    import _fastpoll
except ImportError:
    from . import fallback as _fastpoll

# With an asyncio that differs from the one this library knows (see _asyncio_internals), there
# is no hub: each object waits on its own as ThreadSafeFlag does, and priority is refused.
_hub = _fastpoll.Hub(internals.CORE) if internals.difference is None else None
_BITS_POLL_MS = getattr(_fastpoll, "BITS_POLL_MS", 0)
_pacer = None  # (task, loop) bounding the poller's timeout for Bits


async def _pace():
    global _pacer
    try:
        while _hub.polling():
            await asyncio.sleep_ms(_BITS_POLL_MS)
    finally:
        if _pacer is not None and _pacer[0] is internals.current():
            _pacer = None


def _queue(obj):
    # What wait() yields: the hub wakes the task, or without one (asyncio differs) the poller.
    if _hub is None:
        return internals.queue_read(obj)
    internals.join_hub(_hub, obj)


class Flag(_fastpoll.Flag):
    async def wait(self):
        while not self.is_set():
            yield _queue(self)
        self.clear()


class Counter(_fastpoll.Counter):
    async def wait(self):
        while not self.value():
            yield _queue(self)
        return self.take()


class Bits(_fastpoll.Bits):
    async def wait(self):
        global _pacer
        while not self.ready():
            _queue(self)
            # One per loop: a replaced loop's never runs again.
            if _BITS_POLL_MS and _hub is not None and (
                    _pacer is None or _pacer[1] is not internals.loop()):
                _pacer = (asyncio.create_task(_pace()), internals.loop())
            yield


def _refuse_priority(cls):
    # asyncio differs (see _asyncio_internals): priority=True fails where it is asked for.
    def __init__(self, *args, priority=False, **kwargs):
        if priority:
            internals.require("fastpoll priority=True")
        super(cls, self).__init__(*args, **kwargs)

    cls.__init__ = __init__


if _hub is None:
    for _cls in (Flag, Counter, Bits):
        _refuse_priority(_cls)
