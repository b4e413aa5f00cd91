from asyncio import Event
from typing import Optional

from primitives._hw import InputPin

class EButton:
    """A debounced pushbutton with Events press, double, long and release."""

    debounce_ms: int
    long_press_ms: int
    double_click_ms: int
    press: Event
    double: Event
    long: Event
    release: Event
    def __init__(
        self, pin: InputPin, suppress: bool = False, sense: Optional[int] = None, *,
        irq: bool = False
    ) -> None: ...
    def rawstate(self) -> bool:
        """The undebounced state: True when pressed."""
    def __call__(self) -> bool:
        """The debounced state: True when pressed."""
    def deinit(self) -> None: ...
