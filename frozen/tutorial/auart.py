# auart: asyncio streams over a UART, the stream side of the tutorial's IORead (section 5.2):
# the scheduler polls the UART in C (its ioctl), so a task waiting for a line costs nothing until
# one arrives. After Hinch's as_demos/auart.py; our own code.
#
# A line protocol: the writer task sends "seq,payload\n" lines, the reader task reads lines and
# checks that each comes back whole, once and in order, and how long it took. On a Pyboard wire
# X1 to X2: UART 4 ("XA", TX X1, RX X2) then receives what it sends.
import asyncio
from time import ticks_diff, ticks_ms

from machine import UART


async def writer(stream, n, period_ms, sent):
    """Send n lines, one every period_ms; sent[seq] is the time each was written."""
    for seq in range(n):
        sent[seq] = ticks_ms()
        stream.write("{},{}\n".format(seq, "x" * (seq % 8)))
        await stream.drain()
        await asyncio.sleep_ms(period_ms)


async def reader(stream, n, sent, got):
    """Read n lines; got gets (seq, ms from write to read) for each, in order."""
    for expect in range(n):
        line = await stream.readline()
        seq, _, payload = line.decode().rstrip("\n").partition(",")
        seq = int(seq)
        if seq != expect or payload != "x" * (seq % 8):
            raise ValueError("line {} came back as {!r}".format(expect, line))
        got.append((seq, ticks_diff(ticks_ms(), sent[seq])))


async def talk(uart, n=10, period_ms=50, timeout_ms=5000):
    """Run a writer and a reader over uart; returns [(seq, ms)] as the reader saw them."""
    stream = asyncio.StreamReader(uart)
    out = asyncio.StreamWriter(uart, {})
    sent = [0] * n
    got = []
    task = asyncio.create_task(reader(stream, n, sent, got))
    try:
        await writer(out, n, period_ms, sent)
    except BaseException:  # an error, or talk() cancelled: the reader must not outlive it
        task.cancel()
        raise
    await asyncio.wait_for_ms(task, timeout_ms)
    return got


def run(n=10, period_ms=50, baudrate=115200, uart=None):
    """The demo on UART "XA" (or uart): prints each line's round trip; returns [(seq, ms)]."""
    if uart is None:
        uart = UART("XA", baudrate)
    got = asyncio.run(talk(uart, n, period_ms))
    for seq, ms in got:
        print("line {} back after {} ms".format(seq, ms))
    return got
