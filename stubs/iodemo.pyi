# The tutorial's device-polling demo, imported from io: `from io import Reader`. Typed under its
# own name because a stubs/io.pyi would replace the standard library's io for the whole program.
import io
from array import array
from typing import Any, Callable, Dict, List, Union

_Status = Union[int, bytearray, memoryview, "array[int]"]

class Reader:
    """A driver whose readiness (status word & mask == mask) asyncio checks in C."""

    def __init__(
        self, status: _Status, mask: int, read: Callable[[], Any], *, priority: bool = False
    ) -> None: ...
    async def read(self) -> Any:
        """Wait until the device is ready, then return what read() gives."""

class IoctlReader(io.IOBase):
    """The same driver with a Python ioctl(), called on every scheduler pass while waiting."""

    def __init__(self, status: _Status, mask: int, read: Callable[[], Any]) -> None: ...
    def ioctl(self, req: int, arg: int) -> int: ...
    async def read(self) -> Any:
        """Wait until the device is ready, then return what read() gives."""

def run(data: bytes = b"fastpoll", period_ms: int = 20) -> Dict[str, List[int]]:
    """Read data from a simulated device with each driver; {driver name: values read}."""
