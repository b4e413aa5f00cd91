from typing import Any, Callable, Optional, Tuple

class Delay_ms:
    """A retriggerable one-shot timer: func(*args) runs when it expires."""

    def __init__(
        self,
        func: Optional[Callable[..., Any]] = None,
        args: Tuple[Any, ...] = (),
        duration: int = 1000,
    ) -> None: ...
    async def wait(self) -> bool:
        """Wait for the timer to expire (its Event)."""
    def clear(self) -> None: ...
    def set(self) -> None: ...
    def trigger(self, duration: int = 0) -> None:
        """(Re)start: expire duration ms from now (0: the constructor's duration)."""
    def stop(self) -> None: ...
    def running(self) -> bool: ...
    def __call__(self) -> bool:
        """Same as running()."""
    def rvalue(self) -> Any:
        """What the last callback returned (its task if it was a coroutine)."""
    def callback(
        self, func: Optional[Callable[..., Any]] = None, args: Tuple[Any, ...] = ()
    ) -> None: ...
    def deinit(self) -> None: ...
