from asyncio import Event
from typing import Any, Callable, Optional, Tuple, Union

from primitives._hw import InputPin

class Pushbutton:
    """Press, release, double click and long press of a debounced button.

    Each *_func(func, args) runs func(*args), a function or a coroutine; False (the default)
    disables the action, None selects its event. Each event property is an asyncio.Event set
    each time the action happens."""

    debounce_ms: int
    long_press_ms: int
    double_click_ms: int
    def __init__(
        self,
        pin: InputPin,
        suppress: bool = False,
        sense: Optional[int] = None,
        irq: bool = False,
    ) -> None: ...
    def press_func(
        self, func: Union[None, bool, Callable[..., Any]] = False, args: Tuple[Any, ...] = ()
    ) -> None: ...
    def release_func(
        self, func: Union[None, bool, Callable[..., Any]] = False, args: Tuple[Any, ...] = ()
    ) -> None: ...
    def double_func(
        self, func: Union[None, bool, Callable[..., Any]] = False, args: Tuple[Any, ...] = ()
    ) -> None: ...
    def long_func(
        self, func: Union[None, bool, Callable[..., Any]] = False, args: Tuple[Any, ...] = ()
    ) -> None: ...
    @property
    def press(self) -> Event: ...
    @property
    def release(self) -> Event: ...
    @property
    def double(self) -> Event: ...
    @property
    def long(self) -> Event: ...
    def rawstate(self) -> bool:
        """The undebounced state: True when pressed."""
    def __call__(self) -> bool:
        """The debounced state: True when pressed."""
    def deinit(self) -> None: ...
