# The aledflash demo, unmodified, on the fake LEDs: each LED toggles at its own rate (+-1 for a
# busy host) and all end off.
import aledflash
import fakeboard
import pyb

DURATION = 2.5
leds = [pyb.LED(n) for n in range(1, 5)]
for led in leds:
    led.off()
fakeboard.reset_toggles()
aledflash.run(DURATION)
for n, led in enumerate(leds, 1):
    flashes = int(DURATION * 1000) // aledflash.period_ms(n)
    expect = flashes + (flashes & 1)  # an LED left on counts one more: run() turns it off
    got = fakeboard.toggles()[n - 1]
    assert abs(got - expect) <= 1, (n, got, expect)
    assert led.intensity() == 0, n
print("aledflash ok")
