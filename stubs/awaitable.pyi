"""The tutorial's awaitable class: `await Poll(device)` polls until the device has data."""

from typing import Any, Generator, Protocol

class _Device(Protocol):
    def ready(self) -> bool: ...
    def read(self) -> Any: ...

class Poll:
    device: _Device
    period_ms: int
    polls: int
    def __init__(self, device: _Device, period_ms: int = 5) -> None: ...
    def __await__(self) -> Generator[Any, None, Any]: ...
    def __iter__(self) -> Generator[Any, None, Any]: ...

def run() -> Any:
    """Await a Poll on a simulated device; returns the value read."""
