# Test-build stand-in for pyb on a PYBV11: LED, Switch, ExtInt, Timer, Accel and the timing
# helpers, with the port's API and nothing more (ports/stm32/led.c, usrsw.c, extint.c, timer.c,
# accel.c). What a test sets or reads beyond that lives in the test-only module fakeboard: the
# USR switch is Pin("SW") (pressed reads 0: fakeboard.level("SW", 0)), the acceleration is
# fakeboard.accel(). docs/stand-ins.md lists each behaviour with its source.
import asyncio
import time

import machine
import micropython
from machine import UART, Pin, disable_irq, enable_irq  # noqa: F401


def millis():
    return time.ticks_ms()


def micros():
    return time.ticks_us()


def elapsed_millis(start):
    return time.ticks_diff(time.ticks_ms(), start)


def elapsed_micros(start):
    return time.ticks_diff(time.ticks_us(), start)


def delay(ms):
    time.sleep_ms(ms)


def udelay(us):
    time.sleep_us(us)


# LEDs: 1 red and 2 green are plain GPIO (on or off); 3 yellow and 4 blue have a PWM timer.
_PWM_PERIOD = 10000  # led.c: LED_PWM_TIM_PERIOD
_led_on = bytearray(4)
_led_ccr = [None] * 4  # PWM compare value while PWM drives the LED, else None
_led_changes = [0] * 4  # how often each LED went between off and on (fakeboard.toggles())


class LED:
    def __new__(cls, n):
        if not isinstance(n, int):
            raise TypeError("can't convert %s to int" % type(n).__name__)
        if not 1 <= n <= 4:
            raise ValueError("LED(%d) doesn't exist" % n)
        return _leds[n - 1]

    def __init__(self, n):
        pass

    def _lit(self):
        i = self._i
        return _led_on[i] or _led_ccr[i] is not None

    def _state(self, on, ccr=None):
        i = self._i
        was = self._lit()
        _led_on[i] = 1 if on else 0
        _led_ccr[i] = ccr
        if self._lit() != was:
            _led_changes[i] += 1

    def on(self):
        self._state(1)

    def off(self):
        self._state(0)

    def toggle(self):
        # led.c: a LED under PWM has a non-zero intensity, so toggle turns it off.
        self._state(0 if self._lit() else 1)

    def intensity(self, value=None):
        i = self._i
        if value is None:
            ccr = _led_ccr[i]
            if ccr is not None:
                return min(255, (ccr * 255 + _PWM_PERIOD - 2) // (_PWM_PERIOD - 1))
            return 255 if _led_on[i] else 0
        if not isinstance(value, int):
            raise TypeError("can't convert %s to int" % type(value).__name__)
        if 0 < value < 255 and i >= 2:
            self._state(0, value * (_PWM_PERIOD - 1) // 255)
        else:
            self._state(value > 0)  # no PWM on this LED, or full scale: on or off

    def __repr__(self):
        return "LED(%d)" % (self._i + 1)


_leds = []
for _i in range(4):
    _led = object.__new__(LED)
    _led._i = _i
    _leds.append(_led)

# The USR switch: B3 with a pull-up, pressed reads 0 (switch_init0 configures it at boot).
_SW = Pin("SW", Pin.IN, Pin.PULL_UP)
_sw_callback = [None]


def _sw_irq(line):
    # usrsw.c's switch_callback, called from extint as a hard IRQ (heap locked).
    cb = _sw_callback[0]
    if cb is not None:
        cb()


class Switch:
    def __new__(cls):
        return _switch

    def __init__(self):
        pass

    def __call__(self):
        return _SW.value() == 0

    def value(self):
        return _SW.value() == 0

    def callback(self, fun):
        # usrsw.c: registered through extint with override, so it takes EXTI line 3 from any
        # Pin.irq() there (X4 is A3) without an error, as a hard IRQ on the falling edge.
        _sw_callback[0] = fun
        _SW._mode = Pin.IN
        _SW._pull = Pin.PULL_UP
        machine._register(3, None if fun is None else _sw_irq, 3, _SW, True, Pin.IRQ_FALLING)

    def __repr__(self):
        return "Switch()"


_switch = object.__new__(Switch)


class ExtInt:
    # extint.c: a hard handler on an EXTI line, called with the line number; the pin becomes an
    # input with the given pull. A line with a handler is refused (ValueError), even to a Pin.
    IRQ_RISING = 0x10110000
    IRQ_FALLING = 0x10210000
    IRQ_RISING_FALLING = 0x10310000
    EVT_RISING = 0x10120000
    EVT_FALLING = 0x10220000
    EVT_RISING_FALLING = 0x10320000

    def __init__(self, pin, mode, pull, callback):
        if isinstance(pin, int):
            if pin < 16:
                raise ValueError("ExtInt vector %d < 16, use a Pin object" % pin)
            raise ValueError("ExtInt vector %d >= max of %d" % (pin, 16))  # no RTC/PVD lines
        pin = Pin(pin)
        if mode not in (0x10110000, 0x10210000, 0x10310000, 0x10120000, 0x10220000,
                        0x10320000):
            raise ValueError("invalid ExtInt Mode: %d" % mode)
        if pull not in (0, 1, 2):
            raise ValueError("invalid ExtInt Pull: %d" % pull)
        line = pin.pin()
        if machine._cb[line] is not None and callback is not None:
            raise ValueError("ExtInt vector %d is already in use" % line)
        self._line = line
        if callback is not None:
            pin.init(Pin.IN, pull)
        # EVT modes raise events (for WFE), not interrupts: the handler never runs.
        handler = callback if mode & 0x00010000 else None
        machine._register(line, handler, line, pin, True, mode)

    def line(self):
        return self._line

    def enable(self):
        machine._masked[self._line] = 0

    def disable(self):
        machine._masked[self._line] = 1

    def swint(self):
        # The software interrupt register: the line's handler runs as for an edge.
        line = self._line
        if machine._cb[line] is not None and not machine._masked[line]:
            if not machine._pend[line]:
                machine._pend[line] = 1
                machine._npend[0] += 1
            machine._dispatch()

    def __repr__(self):
        return "<ExtInt line=%u>" % self._line


# Timers: source clocks (2 x PCLK: APB1 timers 84 MHz, APB2 ones 168 MHz), 32-bit counters on
# TIM2 and TIM5, 16-bit on the others.
_TIM_APB2 = (1, 8, 9, 10, 11)


class Timer:
    # timer.c: Timer(n, freq=...) or prescaler and period; callback(fun) runs fun(timer) at
    # each update, in a hard IRQ at priority 13 (IRQ_PRI_TIMX): it preempts an EXTI handler
    # (14), and one that raises is disabled. Updates the fakes do not see in time (between poll
    # points) merge into one, as the update flag does.
    UP, DOWN, CENTER = 0, 0x10, 0x20
    _objs = {}

    def __new__(cls, id, *args, **kwargs):
        if not 1 <= id <= 14:
            raise ValueError("Timer(%d) doesn't exist" % id)
        tim = Timer._objs.get(id)
        if tim is None:
            tim = Timer._objs[id] = object.__new__(cls)
            tim._id = id
            tim._cb = None
            tim._hard = True
            tim._us = 0
            tim._next = 0
            tim._pending = False
            tim._pri = machine.PRI_TIMX
            tim._prescaler = tim._period = 0
            machine._sources.append(tim)
        return tim

    def __init__(self, id, *args, **kwargs):
        if args or kwargs:
            self.init(*args, **kwargs)

    def init(self, *, freq=None, prescaler=-1, period=-1, mode=0, div=1, callback=None,
             hard=True, deadtime=0, brk=0):
        src = 168000000 if self._id in _TIM_APB2 else 84000000
        mask = 0xFFFFFFFF if self._id in (2, 5) else 0xFFFF
        if freq is not None:
            if freq <= 0:
                raise ValueError("must have positive freq")
            prescaler = 1
            if isinstance(freq, float):
                while freq < 1 and prescaler < 6553:
                    prescaler *= 10
                    freq *= 10
            per = max(1, int(src / freq))
            while per > mask:
                if per % 5 == 0:
                    prescaler *= 5
                    per //= 5
                elif per % 3 == 0:
                    prescaler *= 3
                    per //= 3
                else:
                    prescaler <<= 1
                    per >>= 1
            prescaler, period = (prescaler - 1) & 0xFFFF, (per - 1) & mask
        elif prescaler == -1 or period == -1:
            raise TypeError("must specify either freq, period, or prescaler and period")
        if mode not in (0, 0x10, 0x20, 0x40, 0x60):
            raise ValueError("invalid mode (%d)" % mode)
        self._prescaler, self._period = prescaler, period
        self._us = max(1, (prescaler + 1) * (period + 1) * 1000000 // src)
        self._next = time.ticks_add(time.ticks_us(), self._us)
        self._hard = hard
        self.callback(callback)

    def deinit(self):
        self.callback(None)
        self._us = 0

    def callback(self, fun):
        if fun is not None and not callable(fun):
            raise ValueError("callback must be None or a callable object")
        self._cb = fun
        self._pending = False
        if fun is not None and self._us:
            self._next = time.ticks_add(time.ticks_us(), self._us)
            _start_ticker()

    def freq(self):
        src = 168000000 if self._id in _TIM_APB2 else 84000000
        return src // ((self._prescaler + 1) * (self._period + 1))

    def prescaler(self):
        return self._prescaler

    def period(self):
        return self._period

    def _tick(self, now):
        if self._cb is None or not self._us:
            return
        while time.ticks_diff(now, self._next) >= 0:
            self._next = time.ticks_add(self._next, self._us)
            self._pending = True

    def _service(self):
        self._pending = False
        cb = self._cb
        if cb is None:
            return
        if not self._hard:
            machine._schedule(cb, self)
            return
        was = machine._active[0]
        machine._active[0] = self._pri
        machine._hard_depth[0] += 1
        micropython.heap_lock()
        try:
            cb(self)
        except BaseException as e:  # noqa: BLE001 - mp_irq_dispatch catches everything
            micropython.heap_unlock()
            self._cb = None
            machine._report("Uncaught exception in IRQ callback handler", e)
            micropython.heap_lock()
        finally:
            micropython.heap_unlock()
            machine._hard_depth[0] -= 1
            machine._active[0] = was

    def __repr__(self):
        return "Timer(%d)" % self._id


_ticking = [False]


async def _ticker():
    # While a timer has a callback, asyncio wakes at each of its updates (a poll point).
    try:
        while True:
            wait = None
            for t in Timer._objs.values():
                if t._cb is not None and t._us:
                    d = time.ticks_diff(t._next, time.ticks_us())
                    wait = d if wait is None or d < wait else wait
            if wait is None:
                return
            await asyncio.sleep_ms(max(0, (wait + 999) // 1000))
            machine._poll()
    finally:
        _ticking[0] = False


def _start_ticker():
    if not _ticking[0]:
        _ticking[0] = True
        asyncio.create_task(_ticker())


# The MMA7660 (accel.c): 6-bit signed samples, a register file, on I2C.
_accel_xyz = [0, 0, 21]
_accel_fault = [False]
_accel_regs = bytearray(11)  # the chip's registers, zero after its power-up
_accel_hist = [0] * 12  # accel.c's static filter buffer: zero at boot, kept between Accel()s


def _axis(v):
    return v & 0x3F


def _tilt(x, y, z):
    # The MMA7660's tilt register: BaFro (bits 0-1: 01 front, 10 back) from z, PoLa (bits 2-4:
    # 001 left, 010 right, 101 down, 110 up) from the larger of x and y.
    bafro = 1 if z > 0 else 2 if z < 0 else 0
    if abs(x) >= abs(y):
        pola = 0 if x == 0 else 1 if x < 0 else 2
    else:
        pola = 5 if y < 0 else 6
    return bafro | pola << 2


class Accel:
    # accel.c: one static object; Accel() power-cycles the chip (MMA_AVDD low 30 ms, high 30 ms),
    # probes it ("accelerometer not found" after four tries) and sets it active (30 ms more).
    # read_axis ignores I2C errors: a chip that stops answering reads the register number.
    def __new__(cls):
        avdd = Pin("MMA_AVDD", Pin.OUT)
        avdd(0)
        time.sleep_ms(30)
        avdd(1)
        time.sleep_ms(30)
        if _accel_fault[0]:
            raise OSError("accelerometer not found")
        for i in range(11):
            _accel_regs[i] = 0
        _accel_regs[7] = 1  # MODE: active
        time.sleep_ms(30)
        return _accel

    def __init__(self):
        pass

    def read(self, reg):
        reg &= 0xFF
        if _accel_fault[0]:
            return reg
        if reg < 3:
            return _axis(_accel_xyz[reg])
        if reg == 3:
            return _tilt(*_accel_xyz)
        return _accel_regs[reg] if reg < 11 else 0

    def write(self, reg, val):
        if not _accel_fault[0] and 4 <= reg < 11:
            _accel_regs[reg] = val & 0xFF

    def _signed(self, reg):
        v = self.read(reg) & 0x3F
        return v - 64 if v & 0x20 else v

    def x(self):
        return self._signed(0)

    def y(self):
        return self._signed(1)

    def z(self):
        return self._signed(2)

    def tilt(self):
        return self.read(3)

    def filtered_xyz(self):
        # accel.c: the sum of this sample and the three before it (zeros at first).
        hist = _accel_hist
        hist[:9] = hist[3:]
        for i in range(3):
            hist[9 + i] = self._signed(i)
        return tuple(hist[i] + hist[3 + i] + hist[6 + i] + hist[9 + i] for i in range(3))


_accel = object.__new__(Accel)
