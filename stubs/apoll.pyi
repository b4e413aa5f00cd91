"""The tutorial's polled device driver: an accelerometer read every period_ms by a task."""

from asyncio import Event
from typing import Any, Callable, Optional, Tuple

from primitives._hw import Accel

class Accelerometer:
    """Reports moves (moved event, moved_func) and, every still_ms it is not moved, stills."""

    period_ms: int
    threshold_squared: int
    still_ms: int
    moved: Event
    still: Event
    def __init__(self, accel: Accel, still_ms: int = 2000) -> None: ...
    def moved_func(self, func: Optional[Callable[..., Any]], args: Tuple[Any, ...] = ()) -> None:
        """Run func(*args) (a function or coroutine) when it moves; None: nothing."""
    def still_func(self, func: Optional[Callable[..., Any]], args: Tuple[Any, ...] = ()) -> None:
        """Run func(*args) each still_ms it stays still."""
    def vector(self) -> Tuple[int, int, int]:
        """The last (x, y, z) taken as a real change."""
    def moving(self) -> bool:
        """True from a move until it has been still for still_ms."""
    def deinit(self) -> None: ...

def run(duration: float = 20, accel: Optional[Accel] = None) -> Tuple[int, int]:
    """The tutorial demo (pyb.Accel() if accel is None); returns (moves, stills) reported."""
