# A queue in a pre-allocated buffer, for data arriving from interrupts: put_nowait() may run
# in a hard IRQ, and when the buffer is full it overwrites the oldest item. One task at a time
# reads it, with get() or `async for`.
import asyncio

from machine import disable_irq, enable_irq

from primitives.waiters import Waiters


class RingbufQueue:
    def __init__(self, buf):
        """buf: a list or array to hold the items, or a size (a list is made). Holds len-1."""
        self._q = [0] * buf if isinstance(buf, int) else buf
        self._size = len(self._q)
        self._wi = 0  # next slot to write; moved only by put
        self._ri = 0  # next slot to read; equal to _wi when empty
        self._flag = asyncio.ThreadSafeFlag()  # set by put, awaited by the reader
        self._reading = False
        self._putters = Waiters(self._has_room)

    def _has_room(self):
        return not self.full()

    def qsize(self):
        return (self._wi - self._ri) % self._size

    def empty(self):
        return self._wi == self._ri

    def full(self):
        return (self._wi + 1) % self._size == self._ri

    def put_nowait(self, item):
        """Store item, dropping the oldest if full; True if one was dropped. IRQ-safe."""
        # Hard IRQ safe: stores into the existing buffer, moves small ints and sets a flag
        # (one attribute store), so nothing is allocated and no scheduler queue is touched.
        self._q[self._wi] = item
        self._wi = (self._wi + 1) % self._size
        dropped = self._wi == self._ri
        if dropped:
            self._ri = (self._ri + 1) % self._size
        self._flag.set()
        return dropped

    async def put(self, item):
        """Wait for a free slot (FIFO among waiting tasks), then store item."""
        await self._putters.wait()
        self.put_nowait(item)
        self._putters.wake()

    def peek(self):
        if self.empty():
            raise IndexError("RingbufQueue empty")
        return self._q[self._ri]

    def get_nowait(self):
        # An IRQ's put_nowait() may move _ri when it overwrites: read and advance atomically.
        state = disable_irq()
        empty = self._wi == self._ri
        if not empty:
            item = self._q[self._ri]
            self._ri = (self._ri + 1) % self._size
        enable_irq(state)
        if empty:
            raise IndexError("RingbufQueue empty")
        self._putters.wake()
        return item

    async def get(self):
        while self.empty():
            # A ThreadSafeFlag wakes one task only: a second reader would be lost.
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
