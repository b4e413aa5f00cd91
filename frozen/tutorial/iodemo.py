# The tutorial's io.py idea, working: a driver hands "is the device ready?" to the scheduler.
#
# A polled device has a status word with a ready bit and a way to read its data, where the
# read clears the bit (as reading a UART's data register clears RXNE). The same driver twice:
#   Reader       readiness is a fastpoll.Bits: asyncio's poller checks it in C, no Python runs
#                until the bit is up.
#   IoctlReader  readiness is a Python ioctl() (io.IOBase): a Python call on every scheduler
#                pass while waiting. The way before fastpoll, kept to compare against.
# status is a writable buffer (its first item is the word) or a 32-bit register's address.
# On the Pyboard, USART1's receive side is:
#   Reader(stm.USART1 + stm.USART_SR, 1 << 5, lambda: stm.mem32[stm.USART1 + stm.USART_DR])
import asyncio

import fastpoll
import uctypes
from _asyncio_internals import Pollable


class Reader:
    def __init__(self, status, mask, read, *, priority=False):
        self._ready = fastpoll.Bits(status, mask, priority=priority)
        self._read = read

    async def read(self):
        """Wait until the device is ready, then return what read() gives."""
        await self._ready.wait()
        return self._read()


class IoctlReader(Pollable):
    def __init__(self, status, mask, read):
        if isinstance(status, int):
            # A register: one 32-bit word, as fastpoll.Bits reads it.
            reg = uctypes.struct(status, {"word": uctypes.UINT32})
            self._word = lambda: reg.word
        else:
            self._word = lambda: status[0]
        self._mask = mask
        self._read = read

    def _ready(self):
        return (self._word() & self._mask) == self._mask

    async def read(self):
        """Wait until the device is ready, then return what read() gives."""
        await self.wait_ready()  # Pollable: asyncio calls its ioctl() on every pass meanwhile
        return self._read()


class _Device:
    # A device for the demo: a task stands in for hardware that produces a byte now and then.
    READY = 0x01

    def __init__(self, data):
        self.status = bytearray(1)
        self._data = data
        self._value = 0

    def read(self):
        self.status[0] &= ~self.READY
        return self._value

    async def produce(self, period_ms):
        for value in self._data:
            await asyncio.sleep_ms(period_ms)
            while self.status[0] & self.READY:  # the driver has not read the last byte yet
                await asyncio.sleep_ms(1)
            self._value = value
            self.status[0] |= self.READY


async def _demo(data, period_ms):
    got = {}
    for cls in (Reader, IoctlReader):
        dev = _Device(data)
        drv = cls(dev.status, dev.READY, dev.read)
        task = asyncio.create_task(dev.produce(period_ms))
        got[cls.__name__] = values = []
        for _ in data:
            values.append(await drv.read())
        await task
        print(cls.__name__, "read", bytes(values))
    return got


def run(data=b"fastpoll", period_ms=20):
    """Read data from a simulated device with each driver; returns {driver name: bytes read}."""
    return asyncio.run(_demo(data, period_ms))
