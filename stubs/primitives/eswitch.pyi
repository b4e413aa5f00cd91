from asyncio import Event

from primitives._hw import InputPin

class ESwitch:
    """A debounced switch with Events open and close; lopen: the level when open."""

    debounce_ms: int
    open: Event
    close: Event
    def __init__(self, pin: InputPin, lopen: int = 1, *, irq: bool = False) -> None: ...
    def __call__(self) -> int:
        """The debounced state: 1 closed, 0 open."""
    def deinit(self) -> None: ...
