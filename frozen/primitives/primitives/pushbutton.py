# Pushbutton: press, release, double click and long press of a debounced button (Hinch v3 API).
from primitives import _callback, _event, _select, _set_event
from primitives.clicks import DOUBLE, LONG, PRESS, RELEASE, Clicks


class Pushbutton(Clicks):
    # Defaults at class level: an instance holds only what it was asked for (see switch.py).
    _acts = None  # per action: (func, args) or None
    _evs = None  # per action: an Event or None, made on first use
    _off = 0  # bit per action whose *_func(False) keeps its event unset

    def __init__(self, pin, suppress=False, sense=None, irq=False):
        super().__init__(pin, suppress, sense, irq)

    # Each *_func(func, args) runs func(*args), a function or a coroutine, on that action.
    # False (the default) disables the action; None sets its event instead (as Hinch's).
    def press_func(self, func=False, args=()):
        self._set(PRESS, func, args)

    def release_func(self, func=False, args=()):
        self._set(RELEASE, func, args)

    def double_func(self, func=False, args=()):
        self._set(DOUBLE, func, args)

    def long_func(self, func=False, args=()):
        self._set(LONG, func, args)

    def _set(self, what, func, args):
        _select(self, what, 4, func)
        if self._acts is None:
            self._acts = [None] * 4
        self._acts[what] = (func, args) if func else None

    # The event interface: an asyncio.Event per action, set each time it happens. Double clicks
    # and long presses are only looked for once a function or their event asks for them, as
    # looking for a double delays a suppressed release.
    press = property(lambda self: _event(self, PRESS, 4))
    release = property(lambda self: _event(self, RELEASE, 4))
    double = property(lambda self: _event(self, DOUBLE, 4))
    long = property(lambda self: _event(self, LONG, 4))

    def _wanted(self, what):
        return (self._acts is not None and self._acts[what] is not None
                or self._evs is not None and self._evs[what] is not None
                and not self._off >> what & 1)

    def _fire(self, what):
        _set_event(self, what)
        if self._acts is not None:
            act = self._acts[what]
            if act is not None:
                _callback(*act)

    def deinit(self):
        """Stop watching the pin and end the timers. A callback of this button may call it; a
        second call does nothing."""
        self._stop()
