# Switch: a debounced contact to ground (Hinch v3 API). Closed reads 0: use a pull-up.
import asyncio

from primitives import launch
from primitives.edges import irq_flag, unwatch, watch


class Switch:
    debounce_ms = 50  # class or instance attribute

    def __init__(self, pin, irq=False):
        self._pin = pin
        self._state = pin.value()
        self._funcs = [None, None]  # indexed by the new level: close, open
        self._args = [(), ()]
        self.close = asyncio.Event()
        self.open = asyncio.Event()
        self._flag = irq_flag(pin) if irq else None
        self._task = asyncio.create_task(watch(self, self._flag))

    def close_func(self, func, args=()):
        """Run func(*args) (a function or coroutine) when the switch closes. False: nothing;
        None: only the event (as Hinch's; this Switch sets close and open always)."""
        self._set(0, func, args)

    def open_func(self, func, args=()):
        self._set(1, func, args)

    def _set(self, state, func, args):
        if func is None:
            (self.open if state else self.close).clear()
        self._funcs[state] = func or None
        self._args[state] = args

    def _check(self):
        state = self._pin.value()
        if state == self._state:
            return False
        self._state = state
        (self.open if state else self.close).set()
        func = self._funcs[state]
        if func is not None:
            launch(func, self._args[state])
        return True

    def __call__(self):
        """The debounced level: 0 closed, 1 open."""
        return self._state

    def deinit(self):
        """Stop watching the pin. A callback of this switch may call it; a second call does
        nothing."""
        unwatch(self)
