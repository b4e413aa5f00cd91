# DRIVERS.md 5.1: aadc(delta) bounds are "the current ADC value +- the arg": a reading taken
# when the bounds are set, not the last one ever taken (which may be long out of date).
import asyncio

from machine import ADC
from primitives import AADC
from testkit import times_out

adc = ADC("X1")


async def until(aw):
    return await aw


async def main():
    adc.set_u16(10000)
    aadc = AADC(adc)
    assert aadc.read_u16() == adc.read_u16()  # the last reading: near 10000
    adc.set_u16(30000)  # moved, and stays put
    await times_out(until(aadc(1000)), 50)  # within 1000 of the current value: keeps waiting
    assert abs(aadc.read_u16(last=True) - 30000) < 16
    adc.set_u16(30500)  # aadc(): the same bounds, centred on 30000
    await times_out(until(aadc()), 50)
    adc.set_u16(32000)
    got = await asyncio.wait_for_ms(until(aadc()), 1000)
    assert abs(got - 32000) < 16, got
    # Bounds set while the input rests at 32000 are centred there.
    task = asyncio.create_task(until(aadc(1000)))
    await asyncio.sleep_ms(50)
    assert not task.done()
    adc.set_u16(34000)
    got = await asyncio.wait_for_ms(task, 1000)
    assert abs(got - 34000) < 16, got

asyncio.run(main())
print("aadc delta ok")
