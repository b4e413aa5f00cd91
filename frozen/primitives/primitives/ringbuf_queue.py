# A queue in a pre-allocated buffer, for data arriving from interrupts: put_nowait() may run
# in a hard IRQ, and when the buffer is full it overwrites the oldest item. One task at a time
# reads it, with get() or `async for`.
try:
    from machine import disable_irq, enable_irq
except ImportError:
    # No machine.disable_irq (stock unix): no IRQ handler runs Python there, so no put_nowait()
    # can land inside a task's; there is nothing to mask.
    disable_irq, enable_irq = (lambda: 0), (lambda state: None)

from fastpoll import Flag

from primitives import _error
from primitives.waiters import Waiters

# Raised by put_nowait() when it drops the oldest item: this one in a hard IRQ (allocating
# nothing; the traceback is left out when the heap is locked), a fresh copy elsewhere (_error).
_OVERWRITTEN = IndexError("RingbufQueue full: oldest item dropped")


class RingbufQueue:
    def __init__(self, buf):
        """buf: a list or array to hold the items, or a size (a list is made). Holds len-1."""
        self._q = [0] * buf if isinstance(buf, int) else buf
        self._size = len(self._q)
        if self._size < 2:
            # Refused here: one slot is kept free, and a size of 0 would raise later, inside
            # a section that masks interrupts.
            raise ValueError("RingbufQueue needs room for 2 or more slots (holds len-1)")
        self._wi = 0  # next slot to write; moved only by put
        self._ri = 0  # next slot to read; equal to _wi when empty
        self._flag = Flag()  # set by put (one byte, from any IRQ), awaited by the reader
        self._reading = False
        self._putters = Waiters(self._has_room)

    def _has_room(self):
        return not self.full()

    def qsize(self):
        # Both indices in one critical section: an IRQ's put_nowait() moves both when it
        # overwrites, so reading them apart could pair an old _wi with a new _ri.
        state = disable_irq()
        try:  # whatever raises, interrupts are not left masked (a Pyboard would hang)
            return (self._wi - self._ri) % self._size
        finally:
            enable_irq(state)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return self.qsize() == self._size - 1

    def _store(self, item, overwrite):
        # Hard IRQ safe: stores into the existing buffer, moves small ints and sets a flag
        # (one attribute store), so nothing is allocated and no scheduler queue is touched.
        # disable_irq() keeps an IRQ's put_nowait() out of a task's. The slot is reserved
        # (_wi moved) before the store all the same, so a put that does nest in the store, on
        # a port or in a test where disable_irq() blocks nothing, takes the next slot: both
        # items are kept, in the order the puts began. Returns whether the oldest was dropped;
        # None, storing nothing, when full and not overwrite. The store raises for an item the
        # buffer cannot hold (an array): then nothing is stored or dropped, and interrupts are
        # not left masked.
        state = disable_irq()
        try:
            wi = self._wi
            ri = self._ri
            nwi = (wi + 1) % self._size
            dropped = nwi == ri
            if dropped and not overwrite:
                return None
            self._wi = nwi
            if dropped:
                self._ri = (ri + 1) % self._size
            try:
                self._q[wi] = item
            except Exception:
                self._wi = wi
                self._ri = ri
                raise
        finally:
            enable_irq(state)
        self._flag.set()
        return dropped

    def put_nowait(self, item):
        """Store item; when full the oldest item is dropped and IndexError raised (ignore it if
        overwriting is fine). IRQ-safe: in a hard IRQ the error is one made in advance."""
        if self._store(item, True):
            raise _error(_OVERWRITTEN)

    async def put(self, item):
        """Wait for a free slot (FIFO among waiting tasks), then store item. It never drops
        an item: when an IRQ's put_nowait() takes the slot first, it waits again."""
        while True:
            await self._putters.wait()
            if self._store(item, False) is not None:
                break
        self._putters.wake()

    def _first(self, take):
        # An IRQ's put_nowait() may move _ri when it overwrites: read (and advance) atomically.
        state = disable_irq()
        try:
            ri = self._ri
            empty = self._wi == ri
            if not empty:
                item = self._q[ri]
                if take:
                    self._ri = (ri + 1) % self._size
        finally:
            enable_irq(state)
        if empty:
            raise IndexError("RingbufQueue empty")
        return item

    def peek(self):
        return self._first(False)

    def get_nowait(self):
        item = self._first(True)
        self._putters.wake()
        return item

    async def get(self):
        while self.empty():
            # A Flag takes one waiter: say so here, in the queue's own words.
            if self._reading:
                raise RuntimeError("RingbufQueue has a reader already")
            self._reading = True
            try:
                await self._flag.wait()
            finally:
                self._reading = False
        return self.get_nowait()

    def __aiter__(self):
        return self

    async def __anext__(self):
        return await self.get()
