# Pushbutton: press, release, double click and long press of a debounced button (Hinch v3 API).
import asyncio

from micropython import const

from primitives import _callback
from primitives.delay_ms import Delay_ms
from primitives.edges import irq_flag, unwatch, watch

_PRESS = const(0)
_RELEASE = const(1)
_DOUBLE = const(2)
_LONG = const(3)


class Pushbutton:
    # Times in ms: class attributes, or instance attributes to change one button.
    debounce_ms = 50
    long_press_ms = 1000
    double_click_ms = 400

    # Defaults at class level: an instance holds only what it was asked for (see switch.py).
    _supp = False
    _flag = None  # the edge IRQ's fastpoll Flag, with irq=True
    _acts = None  # per action: (func, args) or None
    _evs = None  # per action: an Event or None, made on first use
    _dblpend = False  # a first click waits to see if a second makes it a double
    _dblran = False  # this press was the second click of a double
    _longran = False  # the long press fired during this press
    _ld = None  # the long press and double click timers, made on first need
    _dd = None

    def __init__(self, pin, suppress=False, sense=None, irq=False):
        self._pin = pin
        if suppress:
            self._supp = True
        # The level read while not pressed; a button held during construction reads wrong.
        self._sense = pin.value() if sense is None else sense
        self._state = self.rawstate()
        # The IRQ before the task: if the pin refuses it (no irq(), its EXTI line taken),
        # nothing is left running.
        if irq:
            self._flag = irq_flag(pin)
        self._task = asyncio.create_task(watch(self))

    # Each *_func(func, args) runs func(*args), a function or a coroutine, on that action.
    # False (the default) disables the action; None sets its event instead (as Hinch's).
    def press_func(self, func=False, args=()):
        self._set(_PRESS, func, args)

    def release_func(self, func=False, args=()):
        self._set(_RELEASE, func, args)

    def double_func(self, func=False, args=()):
        self._set(_DOUBLE, func, args)

    def long_func(self, func=False, args=()):
        self._set(_LONG, func, args)

    def _set(self, what, func, args):
        if func is None:
            self._event(what).clear()
        elif not func and self._evs is not None:
            self._evs[what] = None  # disabled: not even its event is set
        if self._acts is None:
            self._acts = [None] * 4
        self._acts[what] = (func, args) if func else None

    # The event interface: an asyncio.Event per action, set each time it happens. Double clicks
    # and long presses are only looked for once a function or their event asks for them, as
    # looking for a double delays a suppressed release.
    def _event(self, what):
        if self._evs is None:
            self._evs = [None] * 4
        ev = self._evs[what]
        if ev is None:
            ev = self._evs[what] = asyncio.Event()
        return ev

    press = property(lambda self: self._event(_PRESS))
    release = property(lambda self: self._event(_RELEASE))
    double = property(lambda self: self._event(_DOUBLE))
    long = property(lambda self: self._event(_LONG))

    def _wanted(self, what):
        return (self._acts is not None and self._acts[what] is not None
                or self._evs is not None and self._evs[what] is not None)

    def _fire(self, what):
        if self._evs is not None:
            ev = self._evs[what]
            if ev is not None:
                ev.set()
        if self._acts is not None:
            act = self._acts[what]
            if act is not None:
                _callback(*act)

    def _check(self):
        state = self.rawstate()
        if state == self._state:
            return False
        self._state = state
        if state:
            self._longran = False
            self._fire(_PRESS)
            if self._task is None:
                return True  # the press callback ran deinit(): the timers are gone
            dbl = self._wanted(_DOUBLE)
            if dbl and self._dd is not None and self._dd():
                self._dd.stop()
                self._dblpend = False
                self._dblran = True
                self._fire(_DOUBLE)
            else:
                # Not after a first click: a quick click then a long hold is a double.
                if self._wanted(_LONG):
                    if self._ld is None:
                        self._ld = Delay_ms(self._long)
                    self._ld.trigger(self.long_press_ms)
                if dbl:
                    if self._dd is None:
                        self._dd = Delay_ms(self._ddto)
                    self._dd.trigger(self.double_click_ms)
                    self._dblpend = True
        else:
            if self._ld is not None:
                self._ld.stop()
            # suppress: no release after a long press or in a double click, and a single click
            # is reported by _ddto once it can no longer become a double.
            if not (self._supp and (self._dblpend or self._dblran or self._longran)):
                self._fire(_RELEASE)
            self._dblran = False
        return True

    def _long(self):
        self._longran = True
        self._fire(_LONG)

    def _ddto(self):
        # The double-click time ran out after a single click.
        self._dblpend = False
        if self._supp and not self._state and not self._longran:
            self._fire(_RELEASE)

    def rawstate(self):
        """The undebounced state: True when pressed."""
        return bool(self._pin.value() ^ self._sense)

    def __call__(self):
        """The debounced state: True when pressed."""
        return self._state

    def deinit(self):
        """Stop watching the pin and end the timers. A callback of this button may call it; a
        second call does nothing."""
        if unwatch(self):
            for timer in (self._ld, self._dd):
                if timer is not None:
                    timer.deinit()
