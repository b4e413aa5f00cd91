# The fakes' X1-X2 jumper (upstream's PYBx wiring) is one wire: while X2 is an output it drives
# X1's level and IRQs; the outside world (fakeboard.level) on either end is read at both; open
# drain drives only low; writing an input changes nothing read (pin.c: only ODR).
import fakeboard
from fakeboard import irq_of
from machine import Pin

x1 = Pin("X1", Pin.IN, Pin.PULL_UP)
x2 = Pin("X2", Pin.IN, Pin.PULL_UP)
assert x1() == 1 and x2() == 1
x1(0)  # the output register only
assert x1() == 1 and x2() == 1
fakeboard.level(x1, 0)  # a button on the wire: both ends read it
assert x1() == 0 and x2() == 0
fakeboard.level(x1, None)
assert x1() == 1 and x2() == 1
edges = bytearray(2)


def on_x1(p):
    edges[p.value()] += 1  # [falling, rising] seen at X1


x1.irq(on_x1, hard=True)
x2.init(Pin.OUT, value=1)
assert x1() == 1 and bytes(edges) == b"\x00\x00"
for _ in range(5):
    x2(0)
    assert x1() == 0
    x2(1)
assert bytes(edges) == b"\x05\x05", edges
x1(0)  # writing the input: nothing
fakeboard.level(x1, 0)  # an outside driver loses against the output (a stand-in's choice)
assert x1() == 1
fakeboard.level(x1, None)
x2.init(Pin.OPEN_DRAIN, value=1)  # released: the pull-ups hold the wire high
assert x1() == 1 and bytes(edges) == b"\x05\x05"
x2(0)
assert x1() == 0
x2(1)
assert x1() == 1 and bytes(edges) == b"\x06\x06", edges
x2.init(Pin.IN, Pin.PULL_UP)
fakeboard.level(x2, 0)
assert x1() == 0 and x2() == 0 and edges[0] == 7
fakeboard.level(x2, None)
x1.irq(None)
assert irq_of(x1) is None
# Y1 and Y2 have no wire between them.
y1, y2 = Pin("Y1", Pin.IN, Pin.PULL_DOWN), Pin("Y2", Pin.OUT, value=1)
assert y1() == 0
print("wiring ok")
