from asyncio import Event
from typing import Any, Callable, Tuple, Union

from primitives._hw import InputPin

class Switch:
    """A debounced contact to ground (use a pull-up): closed reads 0."""

    debounce_ms: int
    close: Event
    open: Event
    def __init__(self, pin: InputPin, irq: bool = False) -> None: ...
    def close_func(
        self, func: Union[None, bool, Callable[..., Any]], args: Tuple[Any, ...] = ()
    ) -> None:
        """Run func(*args) (a function or coroutine) when the switch closes; False: nothing;
        None: the event only."""
    def open_func(
        self, func: Union[None, bool, Callable[..., Any]], args: Tuple[Any, ...] = ()
    ) -> None:
        """Run func(*args) (a function or coroutine) when the switch opens; False: nothing;
        None: the event only."""
    def __call__(self) -> int:
        """The debounced level: 0 closed, 1 open."""
    def deinit(self) -> None: ...
