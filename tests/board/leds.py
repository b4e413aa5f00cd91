# The LEDs: on, off, toggle, and intensity as the board reads it back. A v1.x has four, 1 and 2
# without PWM; a D-series three (red, green, blue), none with PWM. One more is no LED.
import sys

import pyb

D_SERIES = "PYBD" in sys.implementation._machine
COUNT = 3 if D_SERIES else 4

for n in range(1, COUNT + 1):
    led = pyb.LED(n)
    led.on()
    assert led.intensity() == 255
    led.toggle()
    assert led.intensity() == 0
    led.intensity(100)
    assert led.intensity() == (255 if n < 3 or D_SERIES else 100), (n, led.intensity())
    led.off()
    assert led.intensity() == 0
try:
    pyb.LED(COUNT + 1)
except ValueError:
    pass
else:
    raise AssertionError("LED({}) exists".format(COUNT + 1))
