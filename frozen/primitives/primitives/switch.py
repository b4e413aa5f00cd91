# Switch: a debounced contact to ground (Hinch v3 API). Closed reads 0: use a pull-up.
#
# RAM: an instance holds only what it was asked for. Callbacks, events and the IRQ flag have
# class-level defaults (None), so an unset one costs no slot in the instance.
from primitives import _callback, _event, _select, _set_event
from primitives.edges import Input


class Switch(Input):
    _cf = _of = None  # the close and open functions, and their arguments
    _ca = _oa = ()
    _evs = None  # [close Event or None, open Event or None], made on first use
    _off = 0  # bit per state whose *_func(False) keeps its event unset

    def __init__(self, pin, irq=False):
        self._pin = pin
        self._state = pin.value()
        self._watch(pin, irq)

    def close_func(self, func, args=()):
        """Run func(*args) (a function or coroutine) when the switch closes. False: nothing;
        None: the close event, cleared now, is set instead (as Hinch's)."""
        self._set(0, func, args)

    def open_func(self, func, args=()):
        self._set(1, func, args)

    def _set(self, state, func, args):
        _select(self, state, 2, func)
        func = func or None
        if state:
            self._of, self._oa = func, args
        else:
            self._cf, self._ca = func, args

    # Events set on each closing and opening (made when first asked for).
    close = property(lambda self: _event(self, 0, 2))
    open = property(lambda self: _event(self, 1, 2))

    def _check(self):
        state = self._pin.value()
        if state == self._state:
            return False
        self._state = state
        _set_event(self, state)
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
        self._stop()
