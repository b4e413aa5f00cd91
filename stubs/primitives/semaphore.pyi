from types import TracebackType
from typing import Optional, Type

class Semaphore:
    """A counting semaphore with FIFO hand-over."""

    def __init__(self, value: int = 1) -> None: ...
    def locked(self) -> bool:
        """True when acquire() would have to wait."""
    async def acquire(self) -> bool: ...
    def release(self) -> None: ...
    async def __aenter__(self) -> bool: ...
    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None: ...

class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() raises ValueError beyond the initial value."""

    def __init__(self, value: int = 1) -> None: ...
    def release(self) -> None: ...
