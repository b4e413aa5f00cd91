# Test-build stand-in for machine: the port's own machine module plus a Pin that behaves as the
# stm32 port's on a PYBV11 (ports/stm32/pin.c, extint.c): its pin names, its argument checks,
# its constants and its EXTI lines. The outside world is the test: on an input pin, value(v)
# sets the level an outside driver applies (an output pin drives its own level).
#
# Interrupts as on the Pyboard: one handler per EXTI line (the number after the port letter),
# a hard handler runs at the edge with the heap locked, a soft one is scheduled
# (micropython.schedule) and dropped if the queue is full. An exception in a hard handler
# disables the line and is printed, as extint.c does. The test-only module fakeboard can hold
# edges pending and deliver them late and merged (fakeboard.edges("late")).
import sys

import micropython
from umachine import *  # noqa: F403

try:
    from umachine import disable_irq, enable_irq
except ImportError:

    def disable_irq():
        return 0

    def enable_irq(state=0):
        pass


# PYBV11's pins.csv: board name -> CPU pin. The CPU names Python accepts are these pins'.
_BOARD = {
    "X1": "A0", "X2": "A1", "X3": "A2", "X4": "A3", "X5": "A4", "X6": "A5", "X7": "A6",
    "X8": "A7", "X9": "B6", "X10": "B7", "X11": "C4", "X12": "C5", "X17": "B3", "X18": "C13",
    "X19": "C0", "X20": "C1", "X21": "C2", "X22": "C3",
    "Y1": "C6", "Y2": "C7", "Y3": "B8", "Y4": "B9", "Y5": "B12", "Y6": "B13", "Y7": "B14",
    "Y8": "B15", "Y9": "B10", "Y10": "B11", "Y11": "B0", "Y12": "B1",
    "SW": "B3", "LED_RED": "A13", "LED_GREEN": "A14", "LED_YELLOW": "A15", "LED_BLUE": "B4",
    "MMA_INT": "B2", "MMA_AVDD": "B5", "SD_D0": "C8", "SD_D1": "C9", "SD_D2": "C10",
    "SD_D3": "C11", "SD_CMD": "D2", "SD_CK": "C12", "SD": "A8", "SD_SW": "A8",
    "USB_VBUS": "A9", "USB_ID": "A10", "USB_DM": "A11", "USB_DP": "A12",
}
_CPU = set(_BOARD.values())

# stm32 HAL values, as the port's Pin constants are.
_RISING_BIT = 0x00100000
_FALLING_BIT = 0x00200000
_MODES = (0x0, 0x1, 0x11, 0x2, 0x12, 0x3,
          0x10110000, 0x10210000, 0x10310000, 0x10120000, 0x10220000, 0x10320000)

_MODE_NAMES = {0x0: "IN", 0x1: "OUT", 0x11: "OPEN_DRAIN", 0x3: "ANALOG"}

# The EXTI lines 0..15: the handler, its argument (the Pin, or the line number for a user of
# pyb.ExtInt such as pyb.Switch), the pin whose edges reach the line, hard or soft, trigger.
_cb = [None] * 16
_arg = [None] * 16
_src = [None] * 16
_hard = bytearray(16)
_trig = [0] * 16
_pend = bytearray(16)  # edges held for late delivery (fakeboard.edges("late"))
_late = [False]
_hard_depth = [0]  # >0 while a hard handler runs: the scheduler is locked on the board


def _run_hard(line):
    cb = _cb[line]
    _hard_depth[0] += 1
    micropython.heap_lock()
    try:
        cb(_arg[line])
    except Exception as e:  # noqa: BLE001 - extint.c: any exception disables the line
        micropython.heap_unlock()
        _cb[line] = None
        print("uncaught exception in ExtInt interrupt handler line", line)
        sys.print_exception(e)
        micropython.heap_lock()
    finally:
        micropython.heap_unlock()
        _hard_depth[0] -= 1


def _run_soft(line):
    # Scheduled. On the board the scheduler waits while a hard handler runs; here it may call
    # in at any bytecode jump, so it goes back in the queue.
    if _hard_depth[0]:
        _schedule(line)
        return
    cb = _cb[line]
    if cb is not None:
        cb(_arg[line])


def _schedule(line):
    try:
        micropython.schedule(_run_soft, line)
    except RuntimeError:
        pass  # the queue is full: extint.c drops the event too


def _edge(pin, rising):
    line = pin._line
    if _src[line] is not pin or _cb[line] is None:
        return
    if not _trig[line] & (_RISING_BIT if rising else _FALLING_BIT):
        return
    if not _hard[line]:
        _schedule(line)
    elif _late[0]:
        _pend[line] = 1  # an EXTI pending bit: edges until delivery merge into one
    else:
        _run_hard(line)


def _deliver():
    """Run the hard handlers of the lines with edges pending (fakeboard's late mode)."""
    for line in range(16):
        if _pend[line]:
            _pend[line] = 0
            if _cb[line] is not None:
                _run_hard(line)


def _register(line, handler, arg, src, hard, trigger):
    _cb[line] = handler
    _pend[line] = 0
    if handler is not None:
        _arg[line] = arg
        _src[line] = src
        _hard[line] = 1 if hard else 0
        _trig[line] = trigger


_NOARG = object()


class _Names:
    # Pin.board and Pin.cpu: attribute access by name.
    def __init__(self, names):
        self._names = names

    def __getattr__(self, name):
        if name not in self._names:
            raise AttributeError(name)
        return Pin(name)


class Pin:
    IN = 0x0
    OUT = 0x1
    OPEN_DRAIN = 0x11
    ALT = 0x2
    ALT_OPEN_DRAIN = 0x12
    ANALOG = 0x3
    PULL_UP = 0x1
    PULL_DOWN = 0x2
    IRQ_RISING = 0x10110000
    IRQ_FALLING = 0x10210000

    board = _Names(_BOARD)
    cpu = _Names(_CPU)

    _pins = {}  # CPU name -> the one Pin object, as the port's pins are static

    def __new__(cls, id, *args, **kwargs):
        if isinstance(id, Pin):
            return id
        if not isinstance(id, str):
            raise TypeError("can't convert '%s' object to str implicitly" % type(id).__name__)
        cpu = _BOARD.get(id, id)
        if cpu not in _CPU:
            raise ValueError("Pin(%s) doesn't exist" % id)
        pin = Pin._pins.get(cpu)
        if pin is None:
            pin = Pin._pins[cpu] = object.__new__(cls)
            pin._name = cpu
            pin._line = int(cpu[1:])
            pin._mode = Pin.IN
            pin._pull = 0
            pin._odr = 0
            pin._ext = None  # the level an outside driver applies; None: nothing drives it
        return pin

    def __init__(self, id, *args, **kwargs):
        # Pin(id) alone leaves the pin as it is; anything more is init()'s.
        if args or kwargs:
            self.init(*args, **kwargs)

    def init(self, mode, pull=None, af=-1, *, value=None, alt=-1):
        if mode not in _MODES:
            raise ValueError("invalid pin mode: %d" % mode)
        pull = 0 if pull is None else pull
        if pull not in (0, 1, 2):
            raise ValueError("invalid pin pull: %d" % pull)
        af = alt if alt != -1 else af
        if mode in (Pin.ALT, Pin.ALT_OPEN_DRAIN) and not 0 <= af <= 15:
            raise ValueError("invalid pin af: %d" % af)
        was = self._read()
        if value is not None:
            self._odr = 1 if value else 0
        self._mode = mode
        self._pull = pull
        if pull:
            self._ext = None  # an undriven input rests at its pull's level
        self._changed(was)

    def _read(self):
        mode = self._mode
        if mode == Pin.OUT:
            return self._odr
        if mode == Pin.OPEN_DRAIN and not self._odr:
            return 0
        if self._ext is not None:
            return self._ext
        return 1 if self._pull == Pin.PULL_UP else 0

    def _changed(self, was):
        now = self._read()
        if now != was:
            _edge(self, now)

    def value(self, v=_NOARG):
        if v is _NOARG:
            return self._read()
        was = self._read()
        if self._mode in (Pin.OUT, Pin.OPEN_DRAIN):
            self._odr = 1 if v else 0
        else:
            self._ext = 1 if v else 0  # the test, as the outside world
        self._changed(was)

    __call__ = value

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    low = off
    high = on

    def mode(self):
        return self._mode

    def pull(self):
        return self._pull

    def name(self):
        return self._name

    def pin(self):
        return self._line

    def irq(self, handler=_NOARG, trigger=0x10310000, hard=False):
        # pin.c: returns None, and with no argument does nothing else. extint.c: one handler
        # per line; a line held by another pin or by an ExtInt user (pyb.Switch) is refused,
        # even to clear it.
        if handler is _NOARG:
            return
        line = self._line
        if _cb[line] is not None and _arg[line] is not self:
            if isinstance(_arg[line], int):
                raise OSError("ExtInt vector %d is already in use" % line)
            raise OSError("IRQ resource already taken by Pin('%s')" % _arg[line]._name)
        _register(line, handler, self, self, hard, trigger)

    def __repr__(self):
        mode = _MODE_NAMES.get(self._mode, "ALT")
        pull = {1: ", pull=Pin.PULL_UP", 2: ", pull=Pin.PULL_DOWN"}.get(self._pull, "")
        return "Pin(Pin.cpu.%s, mode=Pin.%s%s)" % (self._name, mode, pull)

