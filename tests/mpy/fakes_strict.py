# The hardware stand-ins refuse what a PYBV11 refuses, with the port's errors (stm32 pin.c,
# extint.c, led.c, usrsw.c, accel.c), and run handlers as the board does: a soft one scheduled,
# a hard one at the edge with the heap locked, disabled if it raises.
import micropython
import pyb
from fakeboard import irq_of
from machine import Pin
from testkit import raises

# Pin names: the board's, the CPU's (as stm32 spells them) and the aliases; one object each.
x1 = Pin("X1", Pin.IN, Pin.PULL_UP)
assert Pin("A0") is x1 and Pin.board.X1 is x1 and Pin.cpu.A0 is x1 and Pin(x1) is x1
assert Pin("SW") is Pin("X17") is Pin.cpu.B3 and Pin("LED_BLUE") is Pin("B4")
assert str(raises(ValueError, Pin, "Q0")) == "Pin(Q0) doesn't exist"
for name in ("PA0", "x1", "X13", "Y13", "A1x", "E0"):
    raises(ValueError, Pin, name)
raises(TypeError, Pin, 0)
raises(AttributeError, getattr, Pin.board, "X0")
assert x1.name() == "A0" and x1.pin() == 0

# Arguments: the port's names and values only.
raises(TypeError, Pin, "X1", Pin.IN, pul=Pin.PULL_UP)
raises(TypeError, Pin, "X1", pull=Pin.PULL_UP)  # mode is required once anything is given
assert str(raises(ValueError, Pin, "X1", 7)) == "invalid pin mode: 7"
assert str(raises(ValueError, Pin, "X1", Pin.IN, 3)) == "invalid pin pull: 3"
assert str(raises(ValueError, Pin, "X1", Pin.ALT)) == "invalid pin af: -1"
raises(TypeError, x1.irq, lambda p: None, hrad=True)  # no soft handler for a misspelt hard=
assert irq_of(x1) is None
assert x1.irq() is None and x1.irq(lambda p: None, Pin.IRQ_FALLING, True) is None
assert irq_of(x1) is not None

# One IRQ per EXTI line: Y11 is B0, on X1's line 0. Clearing it is refused too.
y11 = Pin("Y11", Pin.IN)
err = raises(OSError, y11.irq, lambda p: None)
assert str(err) == "IRQ resource already taken by Pin('A0')", err
raises(OSError, y11.irq, None)
x1.irq(None)
y11.irq(lambda p: None)  # free again
y11.irq(None)

# The USR switch (B3) takes line 3 from X4 (A3) silently; then X4 is refused, by line number.
x4 = Pin("X4", Pin.IN, Pin.PULL_UP)
x4_edges = []
x4.irq(lambda p: x4_edges.append(1), hard=False)
presses = []
sw = pyb.Switch()
assert sw is pyb.Switch() and not sw() and not sw.value()
raises(TypeError, sw.value, 1)  # the board's value() reads only: press it as the pin it is
sw.callback(lambda: presses.append(1))
err = raises(OSError, x4.irq, lambda p: None)
assert str(err) == "ExtInt vector 3 is already in use", err
x4(0)
x4(1)
sw_pin = Pin("SW")
sw_pin(0)  # pressed: the callback is a hard IRQ on the falling edge
assert sw() and presses == [1] and x4_edges == []
sw_pin(1)
assert presses == [1]
sw.callback(None)
x4.irq(lambda p: None)
x4.irq(None)

# A soft handler is scheduled: not run inside a scheduled function (the scheduler is locked
# there), only after it.
order = []
x2 = Pin("X2", Pin.IN, Pin.PULL_DOWN)
x2.irq(lambda p: order.append(("handler", p.value())), Pin.IRQ_RISING)


def in_scheduler(_):
    x2(1)
    for _ in range(20):  # bytecode jumps: where a scheduled call could run
        pass
    order.append("scheduled")


micropython.schedule(in_scheduler, None)
for _ in range(20):
    pass
assert order == ["scheduled", ("handler", 1)], order
x2.irq(None)

# A hard handler that raises (an allocation, with the heap locked) is disabled, as on the board:
# tests/host/test_runner.py checks that, as it prints a failure that the runner must catch.
log = bytearray(4)


def counts(p):
    log[0] += 1


x2(0)
x2.irq(counts, Pin.IRQ_RISING, hard=True)
x2(1)
assert log[0] == 1
x2(0)
x2(1)
assert log[0] == 2
x2.irq(None)

# An output pin drives its own level; value(v) on an input is the outside world's.
x3 = Pin("X3", Pin.OUT, value=1)
assert x3() == 1
x3(0)
assert x3.value() == 0
x3.init(Pin.IN, Pin.PULL_UP)
assert x3() == 1

# LEDs: 1..4; 1 and 2 have no PWM and read back 0 or 255; 3 and 4 dim.
raises(ValueError, pyb.LED, 0)
raises(ValueError, pyb.LED, 5)
assert pyb.LED(1) is pyb.LED(1)
for n, dimmed in ((1, 255), (2, 255), (3, 100), (4, 100)):
    led = pyb.LED(n)
    led.intensity(100)
    assert led.intensity() == dimmed, (n, led.intensity())
    led.toggle()  # off: a dimmed LED is on
    assert led.intensity() == 0
    led.intensity(300)
    assert led.intensity() == 255
    led.intensity(-5)
    assert led.intensity() == 0
for name in ("is_on", "toggles", "reset_toggles"):
    assert not hasattr(pyb.LED(1), name), name

# The accelerometer reads 6-bit signed values: the fake sensor cannot be set beyond them.
acc = pyb.Accel()
acc.set_xyz(-32, 31, 0)
assert (acc.x(), acc.y(), acc.z()) == (-32, 31, 0)
raises(ValueError, acc.set_xyz, 32, 0, 0)
raises(ValueError, acc.set_xyz, 0, -33, 0)
acc.set_xyz(0, 0, 21)
print("fakes strict ok")
