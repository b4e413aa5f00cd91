# The idle cost of fastpoll's bounded Bits poll (BITS_POLL_MS, on for rp2): the share of the CPU
# the pacing task takes from a busy task while a Bits is waited, per period, and the scheduler
# passes in 1 s with nothing else to do. Run on the qemu test build, whose time is counted in
# instructions (125 M/s):
#     python3 scripts/mpyrun.py --qemu build/test-qemu/firmware.elf bench/pico/bits_poll_cost.py
# (not in make bench's report: a figure for docs/pico.md, where the results are).
import asyncio
import time
from asyncio import core

import fastpoll

reg = bytearray(1)


async def worker(ms):
    n = 0
    t0 = time.ticks_ms()
    while time.ticks_diff(time.ticks_ms(), t0) < ms:
        for _ in range(20):
            n += 1
        await asyncio.sleep_ms(0)
    return n


async def waiter():
    await fastpoll.Bits(reg, 1).wait()


async def run(period):
    fastpoll._BITS_POLL_MS = period
    w = asyncio.create_task(waiter())
    await asyncio.sleep_ms(5)
    n = await worker(1000)
    w.cancel()
    await asyncio.sleep_ms(5)
    return n


async def switches():
    t0 = time.ticks_us()
    for _ in range(1000):
        await core.sleep_ms(0)
    return time.ticks_diff(time.ticks_us(), t0) / 1000


async def main():
    base = await run(0)
    for p in (1, 2, 5, 10):
        n = await run(p)
        print("period", p, "ms: worker", n, "of", base, "loops, pacer takes {:.2f}%".format(
            100 * (base - n) / base))
    print("task switch us", await switches())
    # Idle: only the pacer. Passes of the scheduler in 1 s of guest time.
    fastpoll._BITS_POLL_MS = 1
    passes = [0]
    wait = core._io_queue.wait_io_event

    def count(dt):
        passes[0] += 1
        wait(dt)

    core._io_queue.wait_io_event = count
    w = asyncio.create_task(waiter())
    await asyncio.sleep_ms(1000)
    print("idle 1 s with a waited Bits, period 1 ms: scheduler passes", passes[0])
    w.cancel()


asyncio.run(main())
