# fastpoll: IRQ-to-task hand-off whose readiness asyncio checks in C.
#
# The C module _fastpoll answers asyncio's poller (select.poll, every scheduler pass) without
# running Python; this module adds `await obj.wait()` and priority wake.
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
# One waiter per object: a second task calling wait() while one waits raises RuntimeError (a
# Flag or Counter hands each event to one task; use asyncio.Event to fan out). Cancelling the
# waiting task unregisters the object, which can then be waited on again.
#
# priority=True: the task woken by this object runs before the tasks that were merely ready,
# so its latency is at most the rest of the running task's slice instead of a round of all.
from asyncio import core
from time import ticks_add, ticks_diff, ticks_ms

import _asyncio_internals as internals
import _fastpoll


def _queue(obj):
    q = core._io_queue
    if internals.difference is None and id(obj) in q.map:
        raise RuntimeError("another task is waiting on this object")
    if obj.priority:
        q.queue_urgent(obj)
    else:
        q.queue_read(obj)


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
        while not self.ready():
            yield _queue(self)


class IOQueue(internals.IOQueue):
    """asyncio's IO queue that can wake a task ahead of the run queue.

    While no priority object is waited on, the stock wait_io_event runs: scheduler passes
    cost exactly what they cost without fastpoll.
    """

    def __init__(self):
        super().__init__()
        self.urgent = []  # (object, task) for each waiting priority object

    def queue_urgent(self, s):
        self.queue_read(s)
        self.urgent.append((s, core.cur_task))
        # An instance attribute shadows the class method; deleted when no priority waiter is left.
        self.wait_io_event = self._wait_urgent

    def _forget(self, i):
        del self.urgent[i]
        if not self.urgent:
            del self.wait_io_event

    def remove(self, task):
        super().remove(task)
        for i, (_, t) in enumerate(self.urgent):
            if t is task:
                self._forget(i)
                break

    def _wait_urgent(self, dt):
        tq = core._task_queue
        # The key must be strictly earlier (equal keys pop in push order) than every task ready
        # before this poll and every task it wakes. Those are pushed with the time after the
        # poll, so the time is read before it: read after, it could equal theirs.
        earliest = ticks_ms()
        head = tq.peek()
        if head and ticks_diff(head.ph_key, earliest) < 0:
            earliest = head.ph_key
        super().wait_io_event(dt)
        key = ticks_add(earliest, -1)
        i = 0
        while i < len(self.urgent):
            s, t = self.urgent[i]
            if id(s) in self.map:
                i += 1
            else:
                # Dequeued by this poll, so woken (cancellation goes through remove()).
                tq.remove(t)
                tq.push(t, key)
                self._forget(i)


def _install():
    # new_event_loop() builds core.IOQueue(), so later loops get ours too.
    core.IOQueue = IOQueue
    old = core._io_queue
    if not isinstance(old, IOQueue):
        q = IOQueue()
        # Objects registered before this import stay registered; their tasks keep `old` as
        # their data, whose remove() works on the same map and poller.
        q.poller = old.poller
        q.map = old.map
        core._io_queue = q


def _refuse_priority(cls):
    # asyncio differs (see _asyncio_internals): priority=True fails where it is asked for.
    def __init__(self, *args, priority=False, **kwargs):
        if priority:
            internals.require("fastpoll priority=True")
        super(cls, self).__init__(*args, **kwargs)

    cls.__init__ = __init__


if internals.difference is None:
    _install()
else:
    for _cls in (Flag, Counter, Bits):
        _refuse_priority(_cls)
