# Switch: a debounced contact to ground (Hinch v3 API). Closed reads 0: use a pull-up.
#
# RAM: an instance holds only what it was asked for. Callbacks, events and the IRQ flag have
# class-level defaults (None), so an unset one costs no slot in the instance.
import asyncio

from primitives import _callback
from primitives.edges import irq_flag, unwatch, watch


class Switch:
    debounce_ms = 50  # class or instance attribute
    _flag = None  # the edge IRQ's fastpoll Flag, with irq=True
    _cf = _of = None  # the close and open functions, and their arguments
    _ca = _oa = ()
    _evs = None  # [close Event or None, open Event or None], made on first use

    def __init__(self, pin, irq=False):
        self._pin = pin
        self._state = pin.value()
        if irq:
            self._flag = irq_flag(pin)
        self._task = asyncio.create_task(watch(self))

    def close_func(self, func, args=()):
        """Run func(*args) (a function or coroutine) when the switch closes. False: nothing;
        None: the close event, cleared now, is set instead (as Hinch's)."""
        self._set(0, func, args)

    def open_func(self, func, args=()):
        self._set(1, func, args)

    def _set(self, state, func, args):
        if func is None:
            self._event(state).clear()
        func = func or None
        if state:
            self._of, self._oa = func, args
        else:
            self._cf, self._ca = func, args

    def _event(self, state):
        if self._evs is None:
            self._evs = [None, None]
        ev = self._evs[state]
        if ev is None:
            ev = self._evs[state] = asyncio.Event()
        return ev

    # Events set on each closing and opening (made when first asked for).
    close = property(lambda self: self._event(0))
    open = property(lambda self: self._event(1))

    def _check(self):
        state = self._pin.value()
        if state == self._state:
            return False
        self._state = state
        if self._evs is not None and self._evs[state] is not None:
            self._evs[state].set()
        func = self._of if state else self._cf
        if func is not None:
            _callback(func, self._oa if state else self._ca)
        return True

    def __call__(self):
        """The debounced level: 0 closed, 1 open."""
        return self._state

    def deinit(self):
        """Stop watching the pin. A callback of this switch may call it; a second call does
        nothing."""
        unwatch(self)
