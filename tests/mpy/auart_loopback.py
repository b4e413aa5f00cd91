# The stream demo (auart) through the fake UART "XA" loopback (X1 jumpered to X2), and the
# UART's own API as the board's: None from read()/readline() with nothing there, any(), a
# partial line, bytes beyond rxbuf lost while nobody reads, the stream poll.
import asyncio

import auart
import pyb
from machine import UART
from testkit import raises

got = auart.run(n=8, period_ms=10)
assert [seq for seq, _ in got] == list(range(8)), got
assert all(0 <= ms < 1000 for _, ms in got), got

u = UART("XA", 9600, rxbuf=16)
assert u is pyb.UART(4) and u.read() is None and u.readline() is None and u.any() == 0
assert u.write(b"ab\ncd") == 5 and u.any() == 5
assert u.readline() == b"ab\n" and u.readline() == b"cd" and u.readline() is None
u.write(b"0123456789" * 3)  # 30 bytes with nobody reading: 16 in the ring, 1 in DR
assert u.any() == 16 and u.read() == b"01234567890123456"
assert u.ioctl(3, 0x1 | 0x4) == 0x4  # writable, nothing to read
u.write(b"!")
assert u.ioctl(3, 0x1) == 0x1 and u.readchar() == ord("!")
raises(ValueError, UART, "XC")
raises(ValueError, UART, 5)


# Two streams on one UART: a task waiting on readline() wakes when the line arrives.
async def main():
    u.init(115200)
    got = await auart.talk(u, n=3, period_ms=0)
    assert [seq for seq, _ in got] == [0, 1, 2], got


asyncio.run(main())
print("uart loopback ok")
