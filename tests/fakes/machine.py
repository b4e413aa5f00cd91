# Test-build stand-in for machine: the port's own machine module plus a Pin that behaves as the
# stm32 port's on a PYBV11 (ports/stm32/pin.c, extint.c): its pin names, its argument checks,
# its constants and its EXTI lines. The outside world is the test: on an input pin, value(v)
# sets the level an outside driver applies (an output pin drives its own level).
#
# Interrupts as on the Pyboard: one handler per EXTI line (the number after the port letter),
# a hard handler runs at the edge with the heap locked, a soft one is scheduled
# (micropython.schedule) and dropped if the queue is full. An exception in a hard handler
# disables the line and is printed, as extint.c does. The test-only module fakeboard can hold
# edges pending and deliver them late and merged (fakeboard.edges("late")). One difference
# remains: Python cannot lock the scheduler, so a function that a hard handler passes to
# micropython.schedule() may run before that handler returns (our own soft handlers wait).
#
# Wiring as upstream's hardware tests want it (tests/target_wiring/PYBx.py): X1 jumpered to
# X2. While one of them is an output it drives the other's level (and IRQs); while both are
# inputs, each is set by the test alone, as two separate buttons. UART 4 ("XA": TX X1, RX X2)
# is therefore a loopback.
import io
import sys
import time

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
_WIRE = {"A0": "A1", "A1": "A0"}  # the X1-X2 jumper

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
        partner = self._partner()
        was, pwas = self._read(), None if partner is None else partner._read()
        if value is not None:
            self._odr = 1 if value else 0
        self._mode = mode
        self._pull = pull
        if pull:
            self._ext = None  # an undriven input rests at its pull's level
        self._changed(was, partner, pwas)

    def _drives(self):
        # The level this pin puts on its wire, None when it drives nothing.
        if self._mode == Pin.OUT:
            return self._odr
        if self._mode == Pin.OPEN_DRAIN and not self._odr:
            return 0
        return None

    def _partner(self):
        # The pin at the other end of a wire, if it was ever made (one never made drives
        # nothing). A lookup only: a hard handler may read or set a wired pin.
        other = _WIRE.get(self._name)
        return None if other is None else Pin._pins.get(other)

    def _read(self):
        level = self._drives()
        if level is not None:
            return level
        partner = self._partner()
        if partner is not None:
            level = partner._drives()
            if level is not None:
                return level
        if self._ext is not None:
            return self._ext
        return 1 if self._pull == Pin.PULL_UP else 0

    def _changed(self, was, partner, pwas):
        now = self._read()
        if now != was:
            _edge(self, now)
        if partner is not None:
            now = partner._read()
            if now != pwas:
                _edge(partner, now)

    def value(self, v=_NOARG):
        if v is _NOARG:
            return self._read()
        partner = self._partner()
        was = self._read()
        pwas = None if partner is None else partner._read()
        # No tuple here: a hard IRQ handler may set a pin, with the heap locked.
        if self._mode == Pin.OUT or self._mode == Pin.OPEN_DRAIN:
            self._odr = 1 if v else 0
        else:
            self._ext = 1 if v else 0  # the test, as the outside world
        self._changed(was, partner, pwas)

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



# UARTs of a PYBV11 (mpconfigboard.h): id -> (name, TX, RX). Only UART 4's pins are wired, to
# each other: what it sends, it receives.
_UARTS = {1: ("XB", "B6", "B7"), 2: (None, "A2", "A3"), 3: ("YB", "B10", "B11"),
          4: ("XA", "A0", "A1"), 6: ("YA", "C6", "C7")}
_STREAM_POLL, _STREAM_FLUSH = 3, 1
_POLL_RD, _POLL_WR = 0x1, 0x4


class UART(io.IOBase):
    # machine_uart.c: one object per UART; read() and readline() give None when nothing came
    # within the timeout (default 0); write() returns once the last byte is sent (it blocks
    # for the bytes' time on the line); received bytes beyond rxbuf are lost, as on the board.
    _objs = {}

    def __new__(cls, id, *args, **kwargs):
        if isinstance(id, str):
            for n, port in _UARTS.items():
                if port[0] == id:
                    id = n
                    break
            else:
                raise ValueError("UART(%s) doesn't exist" % id)
        elif id not in _UARTS:
            raise ValueError("UART(%d) doesn't exist" % id)
        uart = UART._objs.get(id)
        if uart is None:
            uart = UART._objs[id] = object.__new__(cls)
            uart._id = id
            uart._rx = None  # received and not yet read; None while not initialised
        return uart

    def __init__(self, id, *args, **kwargs):
        if args or kwargs:
            self.init(*args, **kwargs)

    def init(self, baudrate, bits=8, parity=None, stop=1, *, flow=0, timeout=0, timeout_char=0,
             rxbuf=-1, read_buf_len=64):
        if bits not in (7, 8, 9) or stop not in (1, 2) or parity not in (None, 0, 1):
            raise ValueError("unsupported combination of bits and parity")
        self._baud = baudrate
        self._frame = 1 + bits + stop + (parity is not None)  # bits on the line per char
        self._timeout = timeout
        self._cap = rxbuf if rxbuf >= 0 else read_buf_len
        self._rx = bytearray()
        _, tx, rx = _UARTS[self._id]
        for name in (tx, rx):
            Pin(name).init(Pin.ALT, Pin.PULL_UP, alt=8 if self._id in (4, 5) else 7)

    def deinit(self):
        self._rx = None

    def _check(self):
        if self._rx is None:
            raise OSError("UART(%d) is not initialised" % self._id)  # our stand-in's rule

    def _wait(self):
        # The first char may come within the timeout: only from this UART's own loopback,
        # which has delivered all it will by now.
        if not self._rx and self._timeout:
            time.sleep_ms(self._timeout)

    def any(self):
        self._check()
        return len(self._rx)

    def read(self, n=-1):
        self._check()
        self._wait()
        if not self._rx:
            return None
        n = len(self._rx) if n is None or n < 0 else n
        data = bytes(self._rx[:n])
        self._rx[:n] = b""
        return data

    def readinto(self, buf, n=-1):
        data = self.read(len(buf) if n < 0 else min(n, len(buf)))
        if data is None:
            return None
        buf[:len(data)] = data
        return len(data)

    def readline(self):
        self._check()
        self._wait()
        if not self._rx:
            return None
        end = self._rx.find(b"\n")
        return self.read(len(self._rx) if end < 0 else end + 1)

    def readchar(self):
        data = self.read(1)
        return -1 if data is None else data[0]

    def write(self, buf):
        self._check()
        if isinstance(buf, str):
            buf = buf.encode()
        n = len(buf)
        time.sleep_us(n * self._frame * 1000000 // self._baud)
        if self._id == 4 and Pin(_UARTS[4][2])._mode in (Pin.ALT, Pin.ALT_OPEN_DRAIN):
            room = self._cap - len(self._rx)
            self._rx.extend(buf[:room] if room < n else buf)
        return n

    def writechar(self, c):
        self.write(bytes((c,)))

    def txdone(self):
        return True

    def flush(self):
        pass

    def ioctl(self, req, arg):
        if req == _STREAM_POLL:
            ret = 0
            if arg & _POLL_RD and self._rx:
                ret |= _POLL_RD
            if arg & _POLL_WR:
                ret |= _POLL_WR
            return ret
        if req == _STREAM_FLUSH:
            return 0
        return -1

    def __repr__(self):
        return "UART(%d)" % self._id


# The CPU pins of a PYBV11 wired to an ADC channel (machine.ADC refuses any other pin).
_ADC_CPU = ("A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "B0", "B1", "C0", "C1", "C2", "C3",
            "C4", "C5")


class ADC:
    """machine.ADC with the real API (read_u16), reading a level a test sets with the test-only
    set_u16(). Like the Pyboard's 12-bit converter, read_u16() returns the 12-bit reading scaled
    to 16 bits, so only 4096 distinct values come back."""

    _levels = {}  # CPU pin name -> 16-bit level

    def __init__(self, pin):
        pin = Pin(pin)
        if pin._name not in _ADC_CPU:
            raise ValueError("Pin(%s) doesn't have ADC capabilities" % pin._name)
        self._name = pin._name
        ADC._levels.setdefault(pin._name, 0)

    def read_u16(self):
        raw = ADC._levels[self._name] >> 4  # 12 bits
        return (raw << 4) | (raw >> 8)

    def set_u16(self, level):
        """Test only: the level on the pin, 0..65535."""
        if not 0 <= level <= 65535:
            raise ValueError("level out of range")
        ADC._levels[self._name] = level
