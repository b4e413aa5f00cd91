# UART "XA" (UART 4: TX X1, RX X2) through the wire is a loopback: the auart demo's writer and
# reader tasks over asyncio streams, and the UART's own None-when-empty reads.
import asyncio

import auart
from machine import UART

uart = UART("XA", 115200, timeout=0)
while uart.any():
    uart.read()
assert uart.read() is None and uart.readline() is None
got = asyncio.run(auart.talk(uart, n=20, period_ms=5))
assert [seq for seq, _ in got] == list(range(20)), got
uart.write(b"half")
assert uart.readline() == b"half"  # a partial line, as it stands
uart.deinit()
