# DRIVERS.md 5.1: aadc(delta) bounds are "the current ADC value +- the arg": a reading taken
# when the bounds are set, not the last one ever taken (which may be long out of date).
import asyncio

import fakeboard
from machine import ADC
from primitives import AADC
from testkit import times_out

adc = ADC("X1")


def volts(pin, u16):
    # The voltage that reads u16 (of 65536 for 3.3 V): what the test applies to the pin.
    fakeboard.voltage(pin, u16 * 3.3 / 65536)


async def until(aw):
    return await aw


async def main():
    volts("X1", 10000)
    aadc = AADC(adc)
    assert abs(aadc.read_u16() - 10000) < 40  # 12 bits and +-1 LSB of noise
    volts("X1", 30000)  # moved, and stays put
    await times_out(until(aadc(1000)), 50)  # within 1000 of the current value: keeps waiting
    assert abs(aadc.read_u16(last=True) - 30000) < 40
    volts("X1", 30500)  # aadc(): the same bounds, centred on 30000
    await times_out(until(aadc()), 50)
    volts("X1", 32000)
    got = await asyncio.wait_for_ms(until(aadc()), 1000)
    assert abs(got - 32000) < 40, got
    # Bounds set while the input rests at 32000 are centred there.
    task = asyncio.create_task(until(aadc(1000)))
    await asyncio.sleep_ms(50)
    assert not task.done()
    volts("X1", 34000)
    got = await asyncio.wait_for_ms(task, 1000)
    assert abs(got - 34000) < 40, got

asyncio.run(main())
print("aadc delta ok")
