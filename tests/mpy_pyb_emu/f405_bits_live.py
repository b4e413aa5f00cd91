# fastpoll.Bits on live STM32F405 registers, and its refusal of addresses outside the F405's
# memory map (RM0090 section 2.3), checked in C on this image.
# SysTick: the port loads it for 1 ms at SystemCoreClock (168 MHz): SYST_RVR = 167999, and
# SYST_CVR counts down from it, so bit 17 (131072) is set for the first 22 % of each period and
# clear for the rest: waiting for it set, then clear, takes a new period each time.
# USART1 (the REPL): SR's TXE (bit 7) is set while the transmit register is empty.
import asyncio
from time import ticks_diff, ticks_ms

import fastpoll
import machine
from testkit import raises, times_out

SYST_CSR = 0xE000E010
SYST_RVR = 0xE000E014
SYST_CVR = 0xE000E018
USART1_SR = 0x40011000


async def main():
    assert machine.mem32[SYST_RVR] == 167999, machine.mem32[SYST_RVR]
    assert fastpoll.Bits(SYST_CSR, 1).ready()  # ENABLE: the SysTick runs
    high = fastpoll.Bits(SYST_CVR, 1 << 17, priority=True)
    low = fastpoll.Bits(SYST_CVR, 1 << 17, 0)
    t0 = ticks_ms()
    for _ in range(20):
        await asyncio.wait_for_ms(high.wait(), 100)
        await asyncio.wait_for_ms(low.wait(), 100)
    elapsed = ticks_diff(ticks_ms(), t0)
    # 20 periods of 1 ms at least; the upper bound only says no wait hung (each has 100 ms).
    assert 19 <= elapsed <= 200, elapsed
    await times_out(fastpoll.Bits(SYST_CSR, 1, 0).wait(), 20)  # it is never disabled
    assert fastpoll.Bits(USART1_SR, 1 << 7).ready()  # TXE: nothing waits to go out


asyncio.run(main())

# Outside the F405's map: each refused where the Bits is made. 0x20020000 is past the F405's
# 128 KiB of SRAM (QEMU has RAM there: the check is the chip's map, not what answers).
for addr in (0x20020000, 0x10010000, 0x1FFF7A10, 0x40007800, 0x40014C00, 0x40022400,
             0x50060C00, 0x60000000, 0xA0001000, 0xE0003000):
    raises(ValueError, fastpoll.Bits, addr, 1)
# The last word of a region is in (SRAM's, CCM's: the map is the chip's, and QEMU has no CCM,
# so nothing reads it here).
for addr in (0x2001FFFC, 0x1000FFFC, 0xE000E018):
    assert fastpoll.Bits(addr, 1) is not None
print("f405 live registers ok")
