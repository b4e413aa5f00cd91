from array import array
from typing import Any, List, Union

class RingbufQueue:
    """A queue in a pre-allocated buffer; put_nowait() is hard-IRQ safe and, when full, drops
    the oldest item and raises IndexError. One task at a time reads it, with get() or
    `async for`."""

    def __init__(self, buf: Union[int, List[Any], "array[Any]"]) -> None:
        """buf: a list or array to hold the items, or a size (a list is made). Holds len-1."""
    def qsize(self) -> int: ...
    def empty(self) -> bool: ...
    def full(self) -> bool: ...
    def put_nowait(self, item: Any) -> None:
        """Store item; if full the oldest is dropped and IndexError raised. IRQ-safe."""
    async def put(self, item: Any) -> None:
        """Wait for a free slot, then store item."""
    def peek(self) -> Any:
        """The oldest item, left in place; IndexError if empty."""
    def get_nowait(self) -> Any:
        """IndexError if empty."""
    async def get(self) -> Any: ...
    def __aiter__(self) -> "RingbufQueue": ...
    async def __anext__(self) -> Any: ...
