# A waited fastpoll.Bits on a tickless port: with _fastpoll.BITS_POLL_MS > 0 (rp2; the unix test
# build turns the same switch on), asyncio's poller never waits longer than that while a Bits is
# waited, however long the other tasks sleep, and the pacing task ends with the wait. With the
# switch off (qemu, as stm32: a periodic tick re-polls), the poller waits as long as the
# sleepers let it.
import asyncio
from asyncio import core

import _fastpoll
import fastpoll

PERIOD = _fastpoll.BITS_POLL_MS
SLEEP = 30  # ms the only other task sleeps: far above any period the switch would set
assert PERIOD < SLEEP // 3, PERIOD

reg = bytearray(1)
bits = fastpoll.Bits(reg, 0x01)
waiting = False
timeouts = []  # every timeout asyncio's poller got while the Bits was waited


def record(dt, wait=core._io_queue.wait_io_event):
    if waiting:
        timeouts.append(dt)
    wait(dt)


async def setter():
    await asyncio.sleep_ms(SLEEP)
    reg[0] = 1


async def main():
    global waiting
    core._io_queue.wait_io_event = record
    asyncio.create_task(setter())
    waiting = True
    await bits.wait()
    waiting = False
    assert reg[0] == 1
    assert timeouts, "the poller never ran while the Bits was waited"
    if PERIOD:
        assert -1 not in timeouts and max(timeouts) <= PERIOD, timeouts
        # The pacer stops at its next wake, as no Bits is waited any more.
        await asyncio.sleep_ms(3 * PERIOD)
        assert fastpoll._pacer is None
    else:
        assert fastpoll._pacer is None
        assert max(timeouts) > PERIOD + SLEEP // 2, timeouts  # the sleeper's time, unbounded
    del core._io_queue.wait_io_event


asyncio.run(main())
print("bounded" if PERIOD else "unbounded", "ok")
