# asyncio streams over USART2 through the port's UART driver (its RX interrupt, ring buffer and
# C stream poll), with the host at the other end (tests/host/test_pyb_emu.py): the host echoes each
# line, so the auart demo's writer and reader see a loopback; a line the host sends unasked
# wakes a task waiting in readline().
import asyncio

import auart
from machine import UART

uart = UART(2, 115200, timeout=0)
while uart.any():
    uart.read()
assert uart.read() is None and uart.readline() is None
got = asyncio.run(auart.talk(uart, n=20, period_ms=5))
assert [seq for seq, _ in got] == list(range(20)), got


async def ask():
    reader = asyncio.StreamReader(uart)
    writer = asyncio.StreamWriter(uart, {})
    writer.write(b"ask\n")
    await writer.drain()
    return await asyncio.wait_for_ms(reader.readline(), 2000)


assert asyncio.run(ask()) == b"host says hi\n"
uart.deinit()
print("uart2 ok:", len(got), "lines")
