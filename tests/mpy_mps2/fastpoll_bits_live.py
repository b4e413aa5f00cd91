# fastpoll.Bits on live registers of the qemu machine's SysTick (runs on qemu only: unix has no
# such addresses). SYST_CVR counts down from 24999 to 0 every 1 ms, so bit 14 is set for the
# first third of each period and clear for the rest: waiting for it set, then clear, then set
# again takes a new period each time. (A bit that reading clears, such as SYST_CSR's COUNTFLAG,
# does not suit Bits: the poll's read clears it before the woken task checks it again.)
import asyncio
from time import ticks_diff, ticks_ms

import fastpoll
from testkit import times_out

SYST_CSR = 0xE000E010
SYST_CVR = 0xE000E018


async def main():
    assert fastpoll.Bits(SYST_CSR, 1).ready()  # ENABLE: the SysTick runs
    high = fastpoll.Bits(SYST_CVR, 1 << 14, priority=True)
    low = fastpoll.Bits(SYST_CVR, 1 << 14, 0)
    t0 = ticks_ms()
    for _ in range(20):
        await asyncio.wait_for_ms(high.wait(), 100)
        await asyncio.wait_for_ms(low.wait(), 100)
    elapsed = ticks_diff(ticks_ms(), t0)
    # A new 1 ms period for each round: 20 periods, less the part of the first one that had
    # gone by at t0 (under 1 ms); plus under 1 ms of the 21st for the last wake's latency. The
    # pure-Python fallback's slower pass can miss a third-of-a-period window, each costing one
    # period more (seen: 24 in 2 of 14 runs): up to half the rounds may.
    fallback = fastpoll._fastpoll.__name__ != "_fastpoll"
    assert 19 <= elapsed <= (30 if fallback else 21), elapsed
    await times_out(fastpoll.Bits(SYST_CSR, 1, 0).wait(), 20)  # it is never disabled


asyncio.run(main())
print("live register ok")
