# AADC: an awaitable ADC (Hinch v3 API). `await aadc(lower, upper)` returns the reading once it
# is outside [lower, upper] (sense(False): inside); aadc(delta): within delta of a reading taken
# now (DRIVERS.md 5.1; his code centres on the last reading, however old); aadc(): the bounds
# of last time. The ADC has no interrupt: while a task waits, the scheduler reads it on every
# pass through an ioctl(), as asyncio polls a stream.
from _asyncio_internals import Pollable


class AADC(Pollable):
    def __init__(self, adc):
        self._adc = adc
        self._lower = 0
        self._upper = 65535
        self._normal = True  # wait for a reading outside the bounds
        self._last = None

    def _read(self):
        self._last = self._adc.read_u16()
        return self._last

    def _ready(self):
        return self._normal ^ (self._lower <= self._read() <= self._upper)

    def sense(self, normal):
        """True (the default): await waits until the reading leaves the bounds; False: until
        it is within them."""
        self._normal = normal

    def read_u16(self, last=False):
        """A new reading, or with last=True the last one taken."""
        return self._last if last else self._read()

    def __call__(self, lower=None, upper=None):
        """Set the bounds (see the module's comment); returns self, to be awaited."""
        if lower is not None:
            if upper is None:
                r = self._read()
                self._lower = r - lower
                self._upper = r + lower
            else:
                self._lower = lower
                self._upper = upper
        return self

    # await aadc: MicroPython awaits through __iter__, CPython through __await__.
    def __iter__(self):
        yield from self.wait_ready()
        return self._last

    __await__ = __iter__
