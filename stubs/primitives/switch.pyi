from asyncio import Event
from typing import Any, Callable, Optional, Tuple

from primitives._hw import InputPin

class Switch:
    """A debounced contact to ground (use a pull-up): closed reads 0."""

    debounce_ms: int
    close: Event
    open: Event
    def __init__(self, pin: InputPin, irq: bool = False) -> None: ...
    def close_func(self, func: Optional[Callable[..., Any]], args: Tuple[Any, ...] = ()) -> None:
        """Run func(*args) (a function or coroutine) when the switch closes; None: nothing."""
    def open_func(self, func: Optional[Callable[..., Any]], args: Tuple[Any, ...] = ()) -> None:
        """Run func(*args) (a function or coroutine) when the switch opens; None: nothing."""
    def __call__(self) -> int:
        """The debounced level: 0 closed, 1 open."""
    def deinit(self) -> None: ...
