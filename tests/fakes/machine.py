# Test-build stand-in for machine: the port's own machine module plus a Pin, UART and ADC that
# behave as the stm32 port's on a PYBV11 (ports/stm32/pin.c, extint.c, machine_uart.c, uart.c,
# machine_adc.c): its pin names, its argument checks and error texts, its constants and its EXTI
# lines. docs/stand-ins.md lists each behaviour with its source.
#
# Levels: writing a pin (value(v)) only sets its output register (pin.c: pin_value ->
# mp_hal_pin_write, GPIO ODR); it reads what is on the wire: its own drive while an output, else
# the other end of a wire, else what the outside world applies (the test: fakeboard.level()), else
# its pull. A pin nothing drives and nothing pulls is floating: it keeps the level it last read
# (the charge on the pin; fakeboard.floating(pin) tells). An ANALOG pin reads 0 (its Schmitt
# trigger is off).
#
# Interrupts as on the Pyboard: one handler per EXTI line (the number after the port letter). A
# hard handler runs at the edge with the heap locked, at NVIC priority 14 (irq.h IRQ_PRI_EXTINT):
# an edge while a handler of the same or higher priority runs stays pending (one bit per line)
# until that handler returns; a pyb.Timer callback (IRQ_PRI_TIMX, 13) preempts it. A soft handler:
# the callable set at the edge is scheduled (extint.c: mp_sched_schedule(*cb, ...)), and dropped
# if the queue is full. Any exception in a hard handler (extint.c's nlr catches everything)
# disables the line and is printed. fakeboard can hold edges pending and deliver them late and
# merged (fakeboard.edges("late")). Python cannot lock the scheduler, so a function that a hard
# handler passes to micropython.schedule() may run before that handler returns (our own soft
# handlers wait).
#
# Time-driven hardware (pyb.Timer, bytes arriving on a UART) is served at poll points: each
# access to a Pin, UART or ADC, and each asyncio scheduler pass while a timer runs.
#
# Wiring as upstream's hardware tests want it (tests/target_wiring/PYBx.py): X1 jumpered to
# X2, one wire: what drives one end (the pin as an output, or the outside world) is read at both.
# UART 4 ("XA": TX X1, RX X2) is therefore a loopback.
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

# NVIC priorities (irq.h, 4 bits of preemption priority): lower preempts higher. 16: thread.
PRI_EXTINT = 14
PRI_TIMX = 13
PRI_UART = 1
_active = bytearray((16,))  # the priority now running

# The EXTI lines 0..15: the handler, its argument (the Pin, or the line number for a user of
# pyb.ExtInt such as pyb.Switch), the pin whose edges reach the line, hard or soft, trigger.
_cb = [None] * 16
_arg = [None] * 16
_src = [None] * 16
_hard = bytearray(16)
_trig = [0] * 16
_masked = bytearray(16)  # pyb.ExtInt.disable(): the line's interrupt mask bit cleared
_pend = bytearray(16)  # EXTI pending bits: edges not yet handled merge into one
_npend = bytearray(1)  # how many of them are set
_late = [False]
_hard_depth = [0]  # >0 while a hard handler runs: the scheduler is locked on the board

# Exceptions the hard handlers raised (the board prints each); fakeboard.silence() makes the
# fakes count them without printing, for a test that provokes one on purpose.
_caught = [0]
_print_caught = [True]


def _report(text, e):
    _caught[0] += 1
    if _print_caught[0]:
        print(text)
        sys.print_exception(e)


# Other interrupt sources (pyb.Timer, UART.irq) register here: an object with _pending (bool),
# _pri and _service() (runs its handler); the fakes run them by priority, as the NVIC does.
_us_last = [0]


def _ticks_us():
    # The stand-ins' clock: never earlier than its last reading, as a board's. The qemu port's
    # ticks_us() is its ms count plus SysTick's counter, read apart: just after a wrap whose
    # interrupt is still pending it reads 1 ms back in time (seen: 1 read in 60,000), and a UART
    # deadline, arrival or idle line judged then came early. Only a small step back is held:
    # after a long silence ticks_diff cannot tell back from ahead. Allocates nothing: it runs
    # in hard handlers.
    t = time.ticks_us()
    if -2000 < time.ticks_diff(t, _us_last[0]) < 0:
        return _us_last[0]
    _us_last[0] = t
    return t


_sources = []

# Scheduled soft handlers: the callable and argument captured at the edge, in preallocated
# slots (an edge may come from a hard handler, with the heap locked).
_SLOTS = 16
_slot_cb = [None] * _SLOTS
_slot_arg = [None] * _SLOTS
_slot_next = [0]


def _run_hard(line):
    cb = _cb[line]
    was = _active[0]
    _active[0] = PRI_EXTINT
    _hard_depth[0] += 1
    micropython.heap_lock()
    try:
        cb(_arg[line])
    except BaseException as e:  # noqa: BLE001 - extint.c: nlr catches all; the line is disabled
        micropython.heap_unlock()
        _cb[line] = None
        _report("uncaught exception in ExtInt interrupt handler line %d" % line, e)
        micropython.heap_lock()
    finally:
        micropython.heap_unlock()
        _hard_depth[0] -= 1
        _active[0] = was
    if _sources or _npend[0]:
        _dispatch()


def _dispatch():
    # Run what is pending and may preempt what runs now, highest priority first (the NVIC tail-
    # chains them). No allocation: this runs inside hard handlers. Cheap when nothing is
    # pending: it runs at every pin write, some from 4 kHz interrupts in the qemu tests.
    while True:
        best = None
        for src in _sources:
            if src._pending and src._pri < _active[0] and (best is None or src._pri < best._pri):
                best = src
        if best is not None:
            best._service()
            continue
        if not _npend[0] or _late[0] or _active[0] <= PRI_EXTINT:
            return
        for line in range(16):
            if _pend[line] and not _masked[line]:
                _pend[line] = 0
                _npend[0] -= 1
                if _cb[line] is not None:
                    _run_hard(line)
                break
        else:
            return  # only masked lines pend


def _poll():
    # A poll point: time-driven sources (pyb.Timer, UART arrivals) catch up, and run if they may.
    if _sources:
        now = _ticks_us()
        for src in _sources:
            src._tick(now)
    _dispatch()


def _run_soft(slot):
    # Scheduled. On the board the scheduler waits while a hard handler runs; here it may call
    # in at any bytecode jump, so it goes back in the queue.
    if _hard_depth[0]:
        micropython.schedule(_run_soft, slot)
        return
    cb, arg = _slot_cb[slot], _slot_arg[slot]
    _slot_cb[slot] = _slot_arg[slot] = None
    cb(arg)


def _schedule(cb, arg):
    slot = _slot_next[0]
    if _slot_cb[slot] is not None:
        return  # every slot waits: the board's queue is full too, the event is dropped
    _slot_next[0] = (slot + 1) % _SLOTS
    _slot_cb[slot], _slot_arg[slot] = cb, arg
    try:
        micropython.schedule(_run_soft, slot)
    except RuntimeError:
        _slot_cb[slot] = _slot_arg[slot] = None  # the queue is full: extint.c drops it too


def _edge(pin, rising):
    line = pin._line
    if _src[line] is not pin or _cb[line] is None or _masked[line]:
        return
    if not _trig[line] & (_RISING_BIT if rising else _FALLING_BIT):
        return
    if not _hard[line]:
        _schedule(_cb[line], _arg[line])
    elif _late[0] or _active[0] <= PRI_EXTINT:
        if not _pend[line]:  # held until delivery, or until the running handler returns
            _pend[line] = 1
            _npend[0] += 1
    else:
        _run_hard(line)


def _deliver():
    """Run the hard handlers of the lines with edges pending (fakeboard's late mode)."""
    late = _late[0]
    _late[0] = False
    try:
        _dispatch()
    finally:
        _late[0] = late


def _register(line, handler, arg, src, hard, trigger):
    _cb[line] = handler
    if _pend[line]:
        _pend[line] = 0
        _npend[0] -= 1
    _masked[line] = 0
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
            pin._alt_drive = None  # what a peripheral (a UART's TX) drives in ALT mode
            partner = pin._partner()
            # The level the outside world applies (None: nothing), and the last level seen:
            # both belong to the wire, shared with a jumpered pin.
            pin._ext = None if partner is None else partner._ext
            pin._last = 0 if partner is None else partner._last
        return pin

    def __init__(self, id, *args, **kwargs):
        # Pin(id) alone leaves the pin as it is; anything more is init()'s.
        if args or kwargs:
            self.init(*args, **kwargs)

    def init(self, mode, pull=None, af=-1, *, value=None, alt=-1):
        # pin.c: pin_obj_init_helper. Only the mode, pull and ODR change: a level the outside
        # world holds on the pin stays (HAL_GPIO_Init sets no level).
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
        if mode not in (Pin.ALT, Pin.ALT_OPEN_DRAIN):
            self._alt_drive = None
        self._changed(was, partner, pwas)

    def _drives(self):
        # The level this pin puts on its wire, None when it drives nothing.
        mode = self._mode
        if mode == Pin.OUT:
            return self._odr
        if mode == Pin.OPEN_DRAIN and not self._odr:
            return 0
        if mode == Pin.ALT or mode == Pin.ALT_OPEN_DRAIN:
            return self._alt_drive
        return None

    def _partner(self):
        # The pin at the other end of a wire, if it was ever made (one never made drives
        # nothing). A lookup only: a hard handler may read or set a wired pin.
        other = _WIRE.get(self._name)
        return None if other is None else Pin._pins.get(other)

    def _read(self):
        # The wire's level: a driver, else the outside world, else the pulls; with none of
        # them (or a pull-up against a pull-down) it floats and keeps its last level. An
        # ANALOG pin reads 0. Inline and nearly call-free: it runs at each edge, some from
        # 4 kHz interrupts on qemu.
        mode = self._mode
        if mode == 1:  # OUT
            level = self._odr
        elif mode == 0x11:  # OPEN_DRAIN
            level = None if self._odr else 0
        elif mode == 2 or mode == 0x12:  # ALT: what the peripheral drives
            level = self._alt_drive
        else:
            level = None
        other = _WIRE.get(self._name)
        partner = None if other is None else Pin._pins.get(other)
        if partner is not None:
            d = partner._drives()
            if d is not None:
                level = d if level is None else level & d  # a low driver wins
        if level is None:
            level = self._ext
        if level is None:
            pulls = 0 if mode == 3 else self._pull
            if partner is not None and partner._mode != 3:
                pulls |= partner._pull
            level = 1 if pulls == 1 else 0 if pulls == 2 else self._last
        self._last = level
        if partner is not None:
            partner._last = level
        return 0 if mode == 3 else level

    def _floating(self):
        partner = self._partner()
        if self._drives() is not None or self._ext is not None:
            return False
        if partner is not None and partner._drives() is not None:
            return False
        pulls = 0 if self._mode == Pin.ANALOG else self._pull
        if partner is not None and partner._mode != Pin.ANALOG:
            pulls |= partner._pull
        return pulls not in (Pin.PULL_UP, Pin.PULL_DOWN)

    def _changed(self, was, partner, pwas):
        now = self._read()
        if now != was:
            _edge(self, now)
        if partner is not None:
            now = partner._read()
            if now != pwas:
                _edge(partner, now)
        if _sources or _npend[0]:
            _poll()

    def value(self, v=_NOARG):
        if v is _NOARG:
            if _sources or _npend[0]:
                _poll()
            return self._read()
        partner = self._partner()
        was = self._read()
        pwas = None if partner is None else partner._read()
        # pin.c: pin_value -> mp_hal_pin_write: the output register only; on an input it
        # changes nothing that is read. No tuple here: a hard IRQ handler may set a pin.
        self._odr = 1 if v else 0
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

    def _set_alt(self, level):
        # A peripheral (a UART's TX) drives the pin while it is in ALT mode.
        partner = self._partner()
        was, pwas = self._read(), None if partner is None else partner._read()
        self._alt_drive = level
        self._changed(was, partner, pwas)

    def __repr__(self):
        mode = _MODE_NAMES.get(self._mode, "ALT")
        pull = {1: ", pull=Pin.PULL_UP", 2: ", pull=Pin.PULL_DOWN"}.get(self._pull, "")
        return "Pin(Pin.cpu.%s, mode=Pin.%s%s)" % (self._name, mode, pull)



# UARTs of a PYBV11 (mpconfigboard.h): id -> (name, TX, RX, CTS). Only UART 4's pins are wired,
# to each other: what it sends, it receives while both are the UART's.
_UARTS = {1: ("XB", "B6", "B7", None), 2: (None, "A2", "A3", "A0"), 3: ("YB", "B10", "B11", "B13"),
          4: ("XA", "A0", "A1", None), 6: ("YA", "C6", "C7", None)}
_PCLK1, _PCLK2 = 42000000, 84000000  # PYBV11: 168 MHz SYSCLK, APB1 /4, APB2 /2
_STREAM_POLL, _STREAM_FLUSH = 3, 1
_POLL_RD, _POLL_WR = 0x1, 0x4
_EAGAIN, _EIO = 11, 5


def _uart_baud(pclk, baud):
    # The rate the F4's BRR gives (HAL UART_BRR_SAMPLING16 into a 16-bit register, read back
    # as LL_USART_GetBaudRate does), in uint32 arithmetic as the C code.
    div = (pclk * 25 & 0xFFFFFFFF) // (4 * baud)
    mant = div // 100
    frac = ((div - mant * 100) * 16 + 50) // 100
    brr = ((mant << 4) + (frac & 0xF0) + (frac & 0x0F)) & 0xFFFF
    return pclk // brr if brr else 0


class _UartIrq:
    # shared/runtime/mpirq.c: flags(), trigger().
    def __init__(self, uart):
        self._uart = uart

    def flags(self):
        return self._uart._irq_flags

    def trigger(self, new=None):
        old = self._uart._irq_trig
        if new is not None:
            self._uart._irq_trig = new
        return old


class UART(io.IOBase):
    # machine_uart.c: one object per UART; read() and readline() give None when nothing came
    # within the timeout (default 0), further chars each within timeout_char; write() returns
    # once the last char is sent (it blocks for the chars' time on the line). Chars arrive one
    # frame time apart (a loopback's while write() blocks; fakeboard.send()'s as time passes),
    # so a reader can find half a line. The RX ring holds rxbuf chars, the data register one
    # more; later ones are lost (uart.c: uart_irq_handler).
    RTS = 0x100
    CTS = 0x200
    IRQ_RXIDLE = 0x10
    IRQ_RX = 0x20
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
            uart._on = False
            uart._rx = bytearray()  # arrived, not read
            uart._fly = bytearray()  # on the way: the first arrives at _t_next
            uart._t_next = 0
            uart._t_idle = None  # when the line goes idle after the last arrival
            uart._char_us = 1000
            uart._width = 1
            uart._timeout = uart._timeout_char = 0
            uart._flow = 0
            uart._bufn = 64
            uart._stuck = False  # a char held in DR while CTS is high
            uart._irq = None
            uart._irq_trig = uart._irq_flags = 0
            uart._irq_handler = None
            uart._irq_hard = False
            uart._irq_rx = 0  # RXNE interrupts not yet served
            uart._irq_idle = False
            uart._pending = False
            uart._pri = PRI_UART
            _sources.append(uart)
        return uart

    def __init__(self, id, *args, **kwargs):
        if args or kwargs:
            self.init(*args, **kwargs)

    def init(self, baudrate, bits=8, parity=None, stop=1, *, flow=0, timeout=0, timeout_char=0,
             rxbuf=-1, read_buf_len=64):
        # machine_uart.c: mp_machine_uart_init_helper. ST counts the parity bit in the word
        # length; the F4 has 8- and 9-bit words only (no UART_WORDLENGTH_7B).
        word = bits + (parity is not None)
        if word not in (8, 9):
            raise ValueError("unsupported combination of bits and parity")
        if parity is not None:
            parity = parity & 1  # mp_obj_get_int: 1 odd, else even
        stop = 1 if stop == 1 else 2  # any other value sets two stop bits
        pclk = _PCLK2 if self._id in (1, 6) else _PCLK1
        actual = _uart_baud(pclk, baudrate)
        self._on = True
        self._width = 2 if bits == 9 else 1  # 9 data bits: two bytes a char
        self._char_us = (1 + word + stop) * 1000000 // actual if actual else 1000000
        self._timeout = timeout
        self._timeout_char = max(timeout_char, 13000 // baudrate + 2)
        self._flow = flow
        self._bufn = rxbuf if rxbuf >= 0 else read_buf_len
        if self._bufn < 0:
            self._bufn = 0
        self._rx = bytearray()
        self._fly = bytearray()
        self._stuck = False
        _, tx, rx, cts = _UARTS[self._id]
        for name in (tx, rx):
            Pin(name).init(Pin.ALT, Pin.PULL_UP, alt=8 if self._id in (4, 5) else 7)
        Pin(tx)._set_alt(1)  # the idle line is high
        if cts is not None and flow & UART.CTS:
            Pin(cts).init(Pin.ALT, Pin.PULL_UP, alt=7)
        if 20 * abs(actual - baudrate) > actual:
            raise ValueError("set baudrate %d is not within 5%% of desired value" % actual)

    def deinit(self):
        self._on = False
        Pin(_UARTS[self._id][1])._set_alt(None)

    # Arrivals, as the RX interrupt (priority 1) takes them in.
    def _tick(self, now):
        fly = self._fly
        got = 0
        while fly and time.ticks_diff(now, self._t_next) >= 0:
            w = self._width
            if len(self._rx) < (self._bufn + 1) * w:
                self._rx.extend(fly[:w])
            fly[:w] = b""
            got += 1
            self._t_idle = self._t_next + self._char_us
            self._t_next += self._char_us
        if got and self._irq_trig & 0x20:
            self._irq_rx += got  # one RXNE interrupt a char
        if self._t_idle is not None and not fly and time.ticks_diff(now, self._t_idle) >= 0:
            self._t_idle = None
            if self._irq_trig & 0x10:
                self._irq_idle = True
        if (self._irq_rx or self._irq_idle) and self._irq_handler is not None:
            self._pending = True

    def _service(self):
        self._pending = False
        while self._irq_rx or self._irq_idle:
            if self._irq_rx:
                self._irq_rx -= 1
                self._irq_flags = 0x20
            else:
                self._irq_idle = False
                self._irq_flags = 0x10
            self._call()

    def _call(self):
        # mpirq.c: mp_irq_dispatch: a hard handler with the heap locked, one that raises is
        # disabled; a soft one is scheduled with the UART as its argument.
        handler = self._irq_handler
        if handler is None:
            self._irq_rx = 0
            self._irq_idle = False
            return
        if not self._irq_hard:
            _schedule(handler, self)
            return
        was = _active[0]
        _active[0] = self._pri
        _hard_depth[0] += 1
        micropython.heap_lock()
        try:
            handler(self)
        except BaseException as e:  # noqa: BLE001 - mp_irq_dispatch catches everything
            micropython.heap_unlock()
            self._irq_handler = None
            self._irq_trig = 0
            _report("Uncaught exception in IRQ callback handler", e)
            micropython.heap_lock()
        finally:
            micropython.heap_unlock()
            _hard_depth[0] -= 1
            _active[0] = was

    def _arrive(self, data, now=None):
        # data starts on this UART's RX line now (or after what is already on the way).
        if now is None:
            now = _ticks_us()
        if not self._fly or time.ticks_diff(self._t_next, now) < 0:
            self._t_next = time.ticks_add(now, self._char_us)
        self._fly.extend(data)

    def _sleep_until(self, t):
        d = time.ticks_diff(t, _ticks_us())
        if d > 0:
            time.sleep_us(d)
        _poll()

    def _rx_wait(self, ms):
        # uart.c: uart_rx_wait: True once a char is there, waiting up to ms.
        _poll()
        if self._rx:
            return True
        deadline = time.ticks_add(_ticks_us(), ms * 1000)
        while True:
            if self._fly and time.ticks_diff(self._t_next, deadline) <= 0:
                self._sleep_until(self._t_next)
                if self._rx:
                    return True
                continue
            if ms:
                self._sleep_until(deadline)
            return bool(self._rx)

    def irq(self, handler=_NOARG, trigger=None, hard=None):
        # machine_uart.c mp_machine_uart_irq: with no arguments, the irq object as it is (no
        # allocation: a hard handler may ask for its flags).
        if self._irq is None:
            self._irq = _UartIrq(self)
            self._irq_trig = 0
        if handler is _NOARG and trigger is None and hard is None:
            return self._irq
        handler = None if handler is _NOARG else handler
        trigger = trigger or 0
        if handler is not None and not callable(handler):
            raise ValueError("handler must be None or callable")
        if trigger & ~0x30:
            raise ValueError("trigger 0x%08x unsupported" % (trigger & ~0x30))
        self._irq_handler = handler
        self._irq_hard = bool(hard)
        self._irq_trig = trigger
        return self._irq

    def any(self):
        _poll()
        n = len(self._rx) // self._width
        return min(n, self._bufn) or n  # uart_rx_any: the ring's count, else DR's one

    def read(self, n=-1):
        w = self._width
        if n is None or n < 0:
            n = 1 << 30
        if n % w:
            raise OSError(_EIO)
        if n == 0:
            return b""
        if not self._rx_wait(self._timeout):
            return None
        out = bytearray()
        while True:
            out.extend(self._rx[:w])
            self._rx[:w] = b""
            n -= w
            if n == 0 or not self._rx_wait(self._timeout_char):
                return bytes(out)

    def readinto(self, buf, n=-1):
        data = self.read(len(buf) if n < 0 else min(n, len(buf)))
        if data is None:
            return None
        buf[:len(data)] = data
        return len(data)

    def readline(self):
        # The stream's readline: one char at a time, each within the timeout (py/stream.c).
        out = bytearray()
        while True:
            c = self.read(self._width)
            if c is None:
                return bytes(out) if out else None
            out.extend(c)
            if c[0] == 10:
                return bytes(out)

    def readchar(self):
        if not self._rx_wait(self._timeout):
            return -1
        c = self._rx[0] | (self._rx[1] << 8 if self._width == 2 else 0)
        self._rx[:self._width] = b""
        return c

    def _cts_high(self):
        cts = _UARTS[self._id][3]
        return cts is not None and self._flow & UART.CTS and Pin(cts)._read()

    def write(self, buf):
        if isinstance(buf, str):
            buf = buf.encode()
        w = self._width
        if len(buf) % w:
            raise OSError(_EIO)
        n = len(buf) // w
        if not self._on:
            # Off (deinit(), or never initialised): TXE never comes, the first wait times out.
            time.sleep_ms(self._timeout)
            return None
        if self._cts_high():
            # uart_tx_data: the first char sits in DR until CTS goes low, the next one's wait
            # (2 * timeout_char) times out; a write finding DR still full waits the timeout.
            if self._stuck:
                time.sleep_ms(self._timeout)
                return None
            self._stuck = True
            if n:
                time.sleep_ms(2 * self._timeout_char)
            return w if n else 0
        self._stuck = False
        _, tx, rx, _ = _UARTS[self._id]
        txp, rxp = Pin(tx), Pin(rx)
        start = _ticks_us()
        end = time.ticks_add(start, n * self._char_us)
        if rxp._partner() is txp and txp._mode == Pin.ALT and rxp._mode == Pin.ALT:
            self._arrive(buf, start)  # the loopback: TX and RX both the UART's, the jumper on
        self._sleep_until(end)
        # uart_tx_data returns at TC, the last stop bit out: it is in at the other end too
        # (a port whose sleep_us ends early must not make it late).
        self._tick(end if time.ticks_diff(end, _ticks_us()) > 0 else _ticks_us())
        _dispatch()
        return len(buf)

    def writechar(self, c):
        self.write(bytes((c & 0xFF, c >> 8)) if self._width == 2 else bytes((c,)))

    def txdone(self):
        return True

    def flush(self):
        pass

    def ioctl(self, req, arg):
        if req == _STREAM_POLL:
            _poll()
            ret = 0
            if arg & _POLL_RD and self._rx:
                ret |= _POLL_RD
            if arg & _POLL_WR and self._on and not self._stuck:
                ret |= _POLL_WR
            return ret
        if req == _STREAM_FLUSH:
            return 0
        return -1

    def __repr__(self):
        return "UART(%d)" % self._id


# The CPU pins of a PYBV11 wired to an ADC channel (pins.csv: ADC123_IN0.. on A0..C5).
_ADC_CH = {"A0": 0, "A1": 1, "A2": 2, "A3": 3, "A4": 4, "A5": 5, "A6": 6, "A7": 7, "B0": 8,
           "B1": 9, "C0": 10, "C1": 11, "C2": 12, "C3": 13, "C4": 14, "C5": 15}
_ADC_PIN = {ch: name for name, ch in _ADC_CH.items()}
_VREF = 3.3
_volts = {}  # CPU pin name -> volts the outside world applies (fakeboard.voltage())
_noise = [12345]


def _adc_raw(ch):
    # 12 bits of the voltage on the channel's pin, with +-1 LSB of noise (a pseudo-random
    # sequence, the same on every run): the F4's ADC is no quieter.
    name = _ADC_PIN.get(ch)
    if name is None:
        return 0
    v = _volts.get(name)
    if v is None:
        pin = Pin._pins.get(name)
        if pin is not None:
            pin._read()  # updates the wire's level, which an ANALOG pin's read does not show
        v = _VREF if pin is not None and pin._last else 0.0
    raw = int(v / _VREF * 4096)
    _noise[0] = (_noise[0] * 1103515245 + 12345) & 0x7FFFFFFF
    raw += (_noise[0] >> 16) % 3 - 1
    return 0 if raw < 0 else 4095 if raw > 4095 else raw


class ADC:
    """machine.ADC as the stm32 port's (machine_adc.c): ADC(pin) puts the pin in ANALOG mode,
    ADC(channel) reads the channel as it is; read_u16() is a 12-bit reading scaled to 16 bits
    (raw << 4 | raw >> 8). The voltage comes from the test (fakeboard.voltage())."""

    VREF = 0xFFFF
    CORE_VREF = 0x10011
    CORE_TEMP = 0x10012
    CORE_VBAT = 0x10013

    def __init__(self, source):
        if isinstance(source, int):
            self._ch = source
        else:
            pin = Pin(source)
            ch = _ADC_CH.get(pin._name)
            if ch is None:
                raise ValueError("Pin(%s) does not have ADC capabilities" % pin._name)
            self._ch = ch
            pin.init(Pin.ANALOG)  # mp_hal_pin_config(pin, MP_HAL_PIN_MODE_ADC, NONE, 0)

    def read_u16(self):
        if self._ch == ADC.VREF:
            return 0xFFFF
        # A conversion: 15 + 12 cycles of a 42 MHz ADC clock, and the call around it: at least
        # a microsecond passes.
        t = _ticks_us()
        while time.ticks_diff(_ticks_us(), t) < 1:
            pass
        raw = _adc_raw(self._ch)
        _poll()
        return (raw << 4) | (raw >> 8)

    def __repr__(self):
        return "<ADC1 channel=%u>" % self._ch
