# ThreadSafeQueue: a queue in a pre-allocated buffer between a task and a hard IRQ, a soft
# callback or another thread (Hinch v3 API). One producer and one consumer: either end may be
# the task (put()/get(), `async for`) or the other context (put_sync()/get_sync()). Unlike
# RingbufQueue it never overwrites. The hand-offs are fastpoll Flags, polled in C.

from fastpoll import Flag

_FULL = IndexError("ThreadSafeQueue full")  # made once: raised in a hard IRQ
_EMPTY = IndexError("ThreadSafeQueue empty")


def _error(premade):
    # premade where nothing can be allocated (a hard IRQ: the heap is locked), else a fresh
    # copy: MicroPython appends traceback entries to an exception on every raise and never
    # clears them, so raising premade from a task would grow the heap on each raise. The probe
    # allocates nothing when the heap is locked (the MemoryError is the emergency one).
    try:
        [None]
    except MemoryError:
        return premade
    return IndexError(premade.args[0])


class ThreadSafeQueue:
    def __init__(self, buf):
        """buf: a list or array to hold the items, or a size (a list is made). Holds len-1."""
        self._q = [0] * buf if isinstance(buf, int) else buf
        self._size = len(self._q)
        self._wi = 0  # moved only by the producer
        self._ri = 0  # moved only by the consumer
        self._evput = Flag()  # set by a put, awaited by get()
        self._evget = Flag()  # set by a get, awaited by put()

    def full(self):
        return (self._wi + 1) % self._size == self._ri

    def empty(self):
        return self._ri == self._wi

    def qsize(self):
        return (self._wi - self._ri) % self._size

    def put_sync(self, v, block=False):
        """Store v. Full: raise IndexError, or with block=True spin until there is room (only
        where the consumer runs meanwhile: another thread, never a hard IRQ)."""
        while self.full():
            if not block:
                raise _error(_FULL)
        self._q[self._wi] = v
        self._wi = (self._wi + 1) % self._size
        self._evput.set()

    def get_sync(self, block=False):
        """Take the oldest item. Empty: raise IndexError, or with block=True spin for one."""
        while self.empty():
            if not block:
                raise _error(_EMPTY)
        v = self._q[self._ri]
        self._ri = (self._ri + 1) % self._size
        self._evget.set()
        return v

    async def put(self, v):
        while self.full():
            await self._evget.wait()
        self.put_sync(v)

    async def get(self):
        while self.empty():
            await self._evput.wait()
        return self.get_sync()

    def __aiter__(self):
        return self

    async def __anext__(self):
        return await self.get()
