from asyncio import Lock as _AsyncioLock
from types import TracebackType
from typing import Callable, Optional, Type, TypeVar, Union

from primitives.lock import Lock

_T = TypeVar("_T")

class Condition:
    """asyncio's Condition (CPython API) over an owner-checking Lock."""

    def __init__(self, lock: Optional[Union[Lock, _AsyncioLock]] = None) -> None: ...
    def locked(self) -> bool: ...
    async def acquire(self) -> bool: ...
    def release(self) -> None: ...
    async def __aenter__(self) -> bool: ...
    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None: ...
    def notify(self, n: int = 1) -> None:
        """Wake up to n waiting tasks; needs the lock held."""
    def notify_all(self) -> None: ...
    async def wait(self) -> bool:
        """Release the lock, wait for a notification, then hold the lock again."""
    async def wait_for(self, predicate: Callable[[], _T]) -> _T: ...
