# Test-build stand-in for pyb: LED, Switch, Accel and the timing helpers, with the real API
# plus the state a test needs to set or read. Instances of the same LED/switch/accelerometer
# share state, as the hardware does.
import time

from machine import Pin, disable_irq, enable_irq  # noqa: F401


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


class _LEDState:
    def __init__(self):
        self.intensity = 0
        self.toggles = 0  # test-only: how many times the LED changed between off and on


_leds = [_LEDState() for _ in range(4)]


class LED:
    def __init__(self, n):
        if not 1 <= n <= 4:
            raise ValueError("LED(%d) does not exist" % n)
        self._state = _leds[n - 1]

    def _set(self, intensity):
        state = self._state
        if bool(intensity) != bool(state.intensity):
            state.toggles += 1
        state.intensity = intensity

    def on(self):
        self._set(255)

    def off(self):
        self._set(0)

    def toggle(self):
        self._set(0 if self._state.intensity else 255)

    def intensity(self, value=None):
        if value is None:
            return self._state.intensity
        self._set(min(255, max(0, value)))

    # Test-only readers.
    def is_on(self):
        return self._state.intensity > 0

    @property
    def toggles(self):
        return self._state.toggles

    def reset_toggles(self):
        self._state.toggles = 0


class _SwitchState:
    def __init__(self):
        self.pressed = False
        self.callback = None


_switch = _SwitchState()


class Switch:
    def __call__(self):
        return _switch.pressed

    def value(self, pressed=None):
        # value() reads as on the Pyboard; value(v) is the test's hand on the button.
        if pressed is None:
            return _switch.pressed
        pressed = bool(pressed)
        was = _switch.pressed
        _switch.pressed = pressed
        if pressed and not was and _switch.callback is not None:
            _switch.callback()

    def callback(self, fun):
        _switch.callback = fun


class _AccelState:
    def __init__(self):
        self.xyz = (0, 0, 21)
        self.history = [(0, 0, 21)] * 3


_accel = _AccelState()


class Accel:
    def x(self):
        return _accel.xyz[0]

    def y(self):
        return _accel.xyz[1]

    def z(self):
        return _accel.xyz[2]

    def tilt(self):
        return 0

    def filtered_xyz(self):
        # As on the Pyboard: the sum of this sample and the three before it.
        hist = _accel.history
        sample = _accel.xyz
        total = tuple(sample[i] + hist[0][i] + hist[1][i] + hist[2][i] for i in range(3))
        hist.pop(0)
        hist.append(sample)
        return total

    def write(self, reg, val):
        pass

    def read(self, reg):
        return 0

    def set_xyz(self, x, y, z):
        # Test-only: the next samples read (x, y, z).
        _accel.xyz = (x, y, z)
