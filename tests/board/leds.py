# The four LEDs: on, off, toggle, and intensity as PYBV11 reads it back (1 and 2 have no PWM).
import pyb

for n in (1, 2, 3, 4):
    led = pyb.LED(n)
    led.on()
    assert led.intensity() == 255
    led.toggle()
    assert led.intensity() == 0
    led.intensity(100)
    assert led.intensity() == (255 if n < 3 else 100), (n, led.intensity())
    led.off()
    assert led.intensity() == 0
