# The click engine of Pushbutton and EButton: press, release, double click and long press from
# a debounced button. The subclass says how an action is reported (_fire) and which are looked
# for (_wanted); with suppress, Pushbutton reports press at once and EButton defers it as it
# does release (_defer_press).
from primitives.edges import Input

PRESS = 0
RELEASE = 1
DOUBLE = 2
LONG = 3
# Bits of _st, one small int rather than three attributes (per-instance RAM): the long press
# fired during this press; a first click waits to see if a second makes it a double; this press
# was the second click of a double.
_LONGRAN = 1
_DBLPEND = 2
_DBLRAN = 4


class Clicks(Input):
    # Times in ms: class attributes, or instance attributes to change one button.
    long_press_ms = 1000
    double_click_ms = 400

    # Defaults at class level: an instance holds only what it was asked for.
    _supp = False
    _defer_press = False
    _st = 0
    _ld = None  # the long press and double click timers, made on first need
    _dd = None

    def __init__(self, pin, suppress, sense, irq):
        self._pin = pin
        if suppress:
            self._supp = True
        # The level read while not pressed; a button held during construction reads wrong.
        self._sense = pin.value() if sense is None else sense
        self._state = self.rawstate()
        self._watch(pin, irq)

    def _check(self):
        state = self.rawstate()
        if state == self._state:
            return False
        self._state = state
        if state:
            self._down()
        else:
            self._up()
        return True

    def _down(self):
        self._st &= _DBLPEND  # a new press: not long yet, not a double's second yet
        if not (self._supp and self._defer_press):
            self._fire(PRESS)
            if self._task is None:
                return  # the press callback ran deinit(): the timers are gone
        dbl = self._wanted(DOUBLE)
        if dbl and self._dd is not None and self._dd():
            self._dd.stop()
            self._st = _DBLRAN
            self._fire(DOUBLE)
        else:
            # Not after a first click: a quick click then a long hold is a double.
            if self._wanted(LONG):
                self._ld = self._trigger(self._ld, self._long, self.long_press_ms)
            if dbl:
                self._dd = self._trigger(self._dd, self._ddto, self.double_click_ms)
                self._st |= _DBLPEND

    def _up(self):
        if self._ld is not None:
            self._ld.stop()
        st = self._st
        if not self._supp:
            self._fire(RELEASE)
        elif not st & _DBLPEND:
            self._late(st)
        self._st = st & ~_DBLRAN

    def _late(self, st):
        # suppress: the press is over and can no longer become a double. A single click
        # (neither long nor a double's second) reports release, and press if deferred;
        # after a long press or a double, only a deferred press's button reports release.
        single = not st & (_DBLRAN | _LONGRAN)
        if single and self._defer_press:
            self._fire(PRESS)
        if single or self._defer_press:
            self._fire(RELEASE)

    def _trigger(self, timer, func, ms):
        if timer is None:
            from primitives.delay_ms import Delay_ms

            timer = Delay_ms(func)
        timer.trigger(ms)
        return timer

    def _long(self):
        self._st |= _LONGRAN
        self._fire(LONG)

    def _ddto(self):
        # The double-click time ran out after a single click.
        self._st &= ~_DBLPEND
        if self._supp and not self._state:
            self._late(self._st)

    def rawstate(self):
        """The undebounced state: True when pressed."""
        return bool(self._pin.value() ^ self._sense)

    def __call__(self):
        """The debounced state: True when pressed."""
        return self._state

    def _stop(self):
        if not super()._stop():
            return False
        for timer in (self._ld, self._dd):
            if timer is not None:
                timer.deinit()
        return True
