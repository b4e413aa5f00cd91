# Message: a ThreadSafeEvent carrying data (Hinch v3 API). set(data) may run in a hard IRQ
# (data must then exist already: storing a reference allocates nothing); any number of tasks
# `await msg` (or msg.wait()) and get the data; `async for data in msg` waits for each one.
# As with an Event, a task clears it once it has acted on a message.
from threadsafe.threadsafe_event import ThreadSafeEvent


class Message(ThreadSafeEvent):
    def __init__(self):
        super().__init__()
        self._data = None

    def set(self, data=None):
        """IRQ and thread safe."""
        self._data = data
        self._flag.set()

    def value(self):
        return self._data

    async def wait(self):
        await super().wait()
        return self._data

    # await msg: MicroPython awaits through __iter__, CPython through __await__.
    def __await__(self):
        return (yield from self.wait())

    __iter__ = __await__

    def __aiter__(self):
        return self

    async def __anext__(self):
        return await self.wait()
