# The wire the suite needs: X1 jumpered to X2 (upstream's PYBx test wiring). Each drives the
# other's level while the other listens. The runner checks this first and stops if it fails.
from machine import Pin

x1 = Pin("X1", Pin.IN, Pin.PULL_DOWN)
x2 = Pin("X2", Pin.OUT, value=0)
for level in (1, 0, 1, 0):
    x2(level)
    if x1() != level:
        raise OSError("no wire from X2 to X1")
x2.init(Pin.IN, Pin.PULL_DOWN)
x1.init(Pin.OUT, value=1)
if x2() != 1:
    raise OSError("no wire from X1 to X2")
x1(0)
x1.init(Pin.IN)
x2.init(Pin.IN)
