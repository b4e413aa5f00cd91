from typing import Any, Callable, Generator, Optional, Tuple

class Barrier:
    """Each round ends when the last of `participants` tasks arrives; it calls func(*args)."""

    def __init__(
        self,
        participants: int,
        func: Optional[Callable[..., Any]] = None,
        args: Tuple[Any, ...] = (),
    ) -> None: ...
    def trigger(self) -> bool:
        """Count one arrival without waiting; True if it completed the round."""
    async def wait(self) -> None:
        """Arrive and wait for the round to complete."""
    def __await__(self) -> Generator[Any, None, None]: ...
    def __iter__(self) -> Generator[Any, None, None]: ...
    def busy(self) -> bool:
        """True while some parties of this round have arrived."""
    def result(self) -> Any:
        """What func returned at the last completed round (a Task for a coroutine)."""
