# EButton: a debounced pushbutton with only an Event interface (Hinch v3 API, his
# primitives.events), on the click engine it shares with Pushbutton.
import asyncio

from primitives.clicks import Clicks

# EButton's events, by the engine's action numbers (primitives.clicks).
_NAMES = ("press", "release", "double", "long")


class EButton(Clicks):
    """A debounced pushbutton with only an Event interface: press, double, long, release.
    suppress=True: a single click sets press and release once it can no longer be a double
    (at release if held longer), a double click double and release, a long press long and
    release. irq=True (ours): an edge IRQ."""

    _defer_press = True  # with suppress, press is reported with release

    def __init__(self, pin, suppress=False, sense=None, *, irq=False):
        # Made at once: an action before the first wait() is kept, as with Hinch's.
        self.press = asyncio.Event()
        self.double = asyncio.Event()
        self.long = asyncio.Event()
        self.release = asyncio.Event()
        super().__init__(pin, suppress, sense, irq)

    def _wanted(self, what):
        return True  # every action is looked for: the events are always there

    def _fire(self, what):
        getattr(self, _NAMES[what]).set()

    def deinit(self):
        self._stop()
        for e in (self.press, self.double, self.long, self.release):
            e.clear()
