# Pushbutton: press, release, double click and long press of a debounced button (Hinch v3 API).
import asyncio

from micropython import const

from primitives import launch
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

    def __init__(self, pin, suppress=False, sense=None, irq=False):
        self._pin = pin
        self._supp = suppress
        # The level read while not pressed; a button held during construction reads wrong.
        self._sense = pin.value() if sense is None else sense
        self._state = self.rawstate()
        self._funcs = [None] * 4
        self._args = [()] * 4
        # Press and release events always exist; double and long ones are made on first use
        # (see _event).
        self._events = [asyncio.Event(), asyncio.Event(), None, None]
        self._dblpend = False  # a first click waits to see if a second makes it a double
        self._dblran = False  # this press was the second click of a double
        self._longran = False  # the long press fired during this press
        # The IRQ first: if the pin refuses it (no irq(), its EXTI line taken), nothing is left
        # running.
        self._flag = irq_flag(pin) if irq else None
        self._ld = Delay_ms(self._long)
        self._dd = Delay_ms(self._ddto)
        self._task = asyncio.create_task(watch(self, self._flag))

    # Each *_func(func, args) runs func(*args), a function or a coroutine; None: nothing.
    def press_func(self, func=None, args=()):
        self._set(_PRESS, func, args)

    def release_func(self, func=None, args=()):
        self._set(_RELEASE, func, args)

    def double_func(self, func=None, args=()):
        self._set(_DOUBLE, func, args)

    def long_func(self, func=None, args=()):
        self._set(_LONG, func, args)

    def _set(self, what, func, args):
        self._funcs[what] = func
        self._args[what] = args

    # The event interface: an asyncio.Event per action, set each time it happens. Double clicks
    # and long presses are only looked for once a function or their event asks for them, as
    # looking for a double delays a suppressed release.
    def _event(self, what):
        ev = self._events[what]
        if ev is None:
            ev = self._events[what] = asyncio.Event()
        return ev

    press = property(lambda self: self._event(_PRESS))
    release = property(lambda self: self._event(_RELEASE))
    double = property(lambda self: self._event(_DOUBLE))
    long = property(lambda self: self._event(_LONG))

    def _wanted(self, what):
        return self._funcs[what] is not None or self._events[what] is not None

    def _fire(self, what):
        ev = self._events[what]
        if ev is not None:
            ev.set()
        func = self._funcs[what]
        if func is not None:
            launch(func, self._args[what])

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
            if dbl and self._dd():
                self._dd.stop()
                self._dblpend = False
                self._dblran = True
                self._fire(_DOUBLE)
            else:
                # Not after a first click: a quick click then a long hold is a double.
                if self._wanted(_LONG):
                    self._ld.trigger(self.long_press_ms)
                if dbl:
                    self._dd.trigger(self.double_click_ms)
                    self._dblpend = True
        else:
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
            self._ld.deinit()
            self._dd.deinit()
