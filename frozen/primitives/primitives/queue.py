# asyncio's Queue (CPython API): FIFO items, and FIFO among the tasks waiting to get or to
# put. *_nowait() never waits, so it may take an item or a free slot before a waiting task;
# that task then waits again at the back.
import asyncio

from primitives.waiters import Waiters


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize  # 0 or less: unbounded
        self._items = []
        self._getters = Waiters(self._has_item)
        self._putters = Waiters(self._has_room)
        self._unfinished = 0  # items put and not yet task_done()
        self._joined = None  # an Event for join(), made on first use

    def _has_item(self):
        return len(self._items) > 0

    def _has_room(self):
        return not self.full()

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self.maxsize <= len(self._items)

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty()
        item = self._items.pop(0)
        self._putters.wake()
        return item

    async def get(self):
        await self._getters.wait()
        item = self.get_nowait()
        self._getters.wake()
        return item

    def put_nowait(self, item):
        if self.full():
            raise QueueFull()
        self._items.append(item)
        self._unfinished += 1
        self._getters.wake()

    async def put(self, item):
        await self._putters.wait()
        self.put_nowait(item)
        self._putters.wake()

    def task_done(self):
        """Say that the work on an item taken from the queue is finished (for join())."""
        if self._unfinished <= 0:
            raise ValueError("task_done() called more times than items were put")
        self._unfinished -= 1
        if not self._unfinished and self._joined is not None:
            self._joined.set()

    async def join(self):
        """Wait until every item put has been taken and marked task_done()."""
        if self._unfinished:
            if self._joined is None:
                self._joined = asyncio.Event()
            self._joined.clear()
            await self._joined.wait()
