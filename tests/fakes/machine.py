# Test-build stand-in for machine: the port's own machine module plus a Pin whose input
# level a test drives with pin.value(v). Edges fire irq() handlers at once, in the caller's
# context; a hard handler runs with the heap locked, so an ISR that allocates fails as on
# the Pyboard.
import micropython
from umachine import *  # noqa: F403

try:
    from umachine import disable_irq, enable_irq
except ImportError:

    def disable_irq():
        return 0

    def enable_irq(state=0):
        pass


class _PinIRQ:
    def __init__(self, pin):
        self._pin = pin

    def trigger(self):
        return self._pin._trigger

    def flags(self):
        return self._pin._flags


class _Line:
    # The shared state of one pin id: every Pin('X1') sees the same level and handler.
    def __init__(self):
        self.level = 0
        self.mode = -1
        self.pull = None
        self.handler = None
        self.trigger = 0
        self.hard = False
        self.flags = 0


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    ALT = 3
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 1
    IRQ_RISING = 2

    _lines = {}

    def __init__(self, id, mode=-1, pull=-1, *, value=None, **kwargs):
        line = Pin._lines.get(id)
        if line is None:
            line = Pin._lines[id] = _Line()
        self._id = id
        self._line = line
        self.init(mode, pull, value=value)

    def init(self, mode=-1, pull=-1, *, value=None, **kwargs):
        line = self._line
        if mode != -1:
            line.mode = mode
        if pull != -1:
            line.pull = pull
            # An undriven input rests at its pull's level.
            if pull == Pin.PULL_UP:
                line.level = 1
            elif pull == Pin.PULL_DOWN:
                line.level = 0
        if value is not None:
            line.level = 1 if value else 0

    def value(self, v=None):
        if v is None:
            return self._line.level
        self._set_level(1 if v else 0)

    __call__ = value

    def on(self):
        self._set_level(1)

    def off(self):
        self._set_level(0)

    def mode(self, mode=None):
        if mode is None:
            return self._line.mode
        self._line.mode = mode

    def pull(self, pull=None):
        if pull is None:
            return self._line.pull
        self._line.pull = pull

    def irq(self, handler=None, trigger=IRQ_FALLING | IRQ_RISING, *, hard=False, **kwargs):
        line = self._line
        line.handler = handler
        line.trigger = trigger if handler is not None else 0
        line.hard = hard
        return _PinIRQ(self)

    def _set_level(self, level):
        line = self._line
        old = line.level
        line.level = level
        if old == level or line.handler is None:
            return
        edge = Pin.IRQ_RISING if level else Pin.IRQ_FALLING
        if not line.trigger & edge:
            return
        line.flags = edge
        if line.hard:
            micropython.heap_lock()
            try:
                line.handler(self)
            finally:
                micropython.heap_unlock()
        else:
            line.handler(self)

    def __repr__(self):
        return "Pin({!r})".format(self._id)


# The Pyboard's ADC inputs (machine.ADC(pin) raises ValueError on any other pin).
_ADC_PINS = ("X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X11", "X12", "Y11", "Y12")


class ADC:
    """machine.ADC with the real API (read_u16), reading a level a test sets with the test-only
    set_u16(). Like the Pyboard's 12-bit converter, read_u16() returns the 12-bit reading scaled
    to 16 bits, so only 4096 distinct values come back."""

    _levels = {}  # pin name -> 16-bit level

    def __init__(self, pin, *args, **kwargs):
        name = pin._id if isinstance(pin, Pin) else pin
        if name not in _ADC_PINS:
            raise ValueError("Pin({}) doesn't have ADC capabilities".format(name))
        self._name = name
        ADC._levels.setdefault(name, 0)

    def read_u16(self):
        raw = ADC._levels[self._name] >> 4  # 12 bits
        return (raw << 4) | (raw >> 8)

    def set_u16(self, level):
        """Test only: the level on the pin, 0..65535."""
        if not 0 <= level <= 65535:
            raise ValueError("level out of range")
        ADC._levels[self._name] = level
