# Test-build stand-in for pyb on a PYBV11: LED, Switch, Accel and the timing helpers, with the
# port's API and nothing more (ports/stm32/led.c, usrsw.c, accel.c). What a test sets or reads
# beyond that lives in the test-only module fakeboard; the outside world is set as on any pin
# (the USR switch is Pin("SW"): pressed reads 0) and with Accel.set_xyz().
import time

import machine
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


# The MMA7660 reads 6-bit signed values.
_accel_xyz = [0, 0, 21]
_accel_hist = [0, 0, 21] * 3  # filtered_xyz(): the three samples before this one


class Accel:
    def x(self):
        return _accel_xyz[0]

    def y(self):
        return _accel_xyz[1]

    def z(self):
        return _accel_xyz[2]

    def tilt(self):
        return 0

    def filtered_xyz(self):
        # accel.c: the sum of this sample and the three before it.
        hist = _accel_hist
        total = tuple(_accel_xyz[i] + hist[i] + hist[3 + i] + hist[6 + i] for i in range(3))
        hist[:6] = hist[3:]
        hist[6:] = _accel_xyz
        return total

    def write(self, reg, val):
        pass

    def read(self, reg):
        return 0

    def set_xyz(self, x, y, z):
        # Test-only, as the board being moved: the next samples read (x, y, z).
        for v in (x, y, z):
            if not -32 <= v <= 31:
                raise ValueError("the MMA7660 reads -32..31, not %r" % (v,))
        _accel_xyz[:] = [x, y, z]
