# ESwitch: a debounced switch with only an Event interface (Hinch v3 API, his
# primitives.events).
import asyncio

from primitives.edges import Input


class ESwitch(Input):
    """A debounced switch with only an Event interface: open and close. lopen: the level of
    the open switch. irq=True (ours): an edge IRQ instead of polling."""

    # Class-level default: an instance holds a slot only for a value it changes.
    _lopen = 1

    def __init__(self, pin, lopen=1, *, irq=False):
        self._pin = pin
        if lopen != 1:
            self._lopen = lopen
        self.open = asyncio.Event()
        self.close = asyncio.Event()
        self._state = pin() ^ lopen  # 1: closed
        self._watch(pin, irq)

    def _check(self):
        state = self._pin() ^ self._lopen
        if state == self._state:
            return False
        self._state = state
        (self.close if state else self.open).set()
        return True

    def __call__(self):
        """The debounced state: 1 closed, 0 open."""
        return self._state

    def deinit(self):
        self._stop()
        self.open.clear()
        self.close.clear()
