# The fakes' X1-X2 jumper (upstream's PYBx wiring): while X2 is an output it drives X1's level
# and IRQs; while both are inputs each is its own button; open drain drives only low.
from fakeboard import irq_of
from machine import Pin

x1 = Pin("X1", Pin.IN, Pin.PULL_UP)
x2 = Pin("X2", Pin.IN, Pin.PULL_UP)
x1(0)  # two separate buttons: pressing one leaves the other
assert x1() == 0 and x2() == 1
x1(1)
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
x1(0)  # the test's hand on X1 loses against the driven wire
assert x1() == 1
x2.init(Pin.OPEN_DRAIN, value=1)  # released: X1 is the test's again (low)
assert x1() == 0 and edges[0] == 6
x1(1)
x2(0)
assert x1() == 0
x2(1)
assert x1() == 1 and bytes(edges) == b"\x07\x07", edges
x2.init(Pin.IN, Pin.PULL_UP)
x1(0)
assert x1() == 0 and x2() == 1
x1.irq(None)
assert irq_of(x1) is None
# Y1 and Y2 have no wire between them.
y1, y2 = Pin("Y1", Pin.IN, Pin.PULL_DOWN), Pin("Y2", Pin.OUT, value=1)
assert y1() == 0
print("wiring ok")
