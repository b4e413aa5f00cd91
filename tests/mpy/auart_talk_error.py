# auart.talk(): when its writer raises (the UART fails), talk() raises that error and ends its
# reader task too, rather than leaving it waiting on the UART for ever.
import asyncio
import io

import auart
from machine import UART


class Failing(io.IOBase):
    # The loopback UART, whose writes fail.
    def __init__(self, uart):
        self._u = uart

    def ioctl(self, req, arg):
        return self._u.ioctl(req, arg)

    def readline(self):
        return self._u.readline()

    def read(self, n=-1):
        return self._u.read(n)

    def readinto(self, buf):
        return self._u.readinto(buf)

    def write(self, buf):
        raise OSError(5)


async def main():
    u = UART("XA", 115200)
    try:
        await auart.talk(Failing(u), n=3, period_ms=0)
    except OSError as e:
        assert e.errno == 5
    else:
        raise AssertionError("talk() did not raise")
    # A line now arriving stays in the UART: no reader is left to take it.
    u.write(b"0,\n")
    await asyncio.sleep_ms(50)
    assert u.readline() == b"0,\n"


asyncio.run(main())
print("talk error ok")
