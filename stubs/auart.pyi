"""asyncio streams over a UART: a writer and a reader task with a line protocol (wire X1 to X2:
UART "XA" is then a loopback)."""

from asyncio import StreamReader, StreamWriter
from typing import Any, List, Optional, Tuple

async def writer(stream: StreamWriter, n: int, period_ms: int, sent: List[int]) -> None: ...
async def reader(
    stream: StreamReader, n: int, sent: List[int], got: List[Tuple[int, int]]
) -> None: ...
async def talk(
    uart: Any, n: int = 10, period_ms: int = 50, timeout_ms: int = 5000
) -> List[Tuple[int, int]]: ...
def run(
    n: int = 10, period_ms: int = 50, baudrate: int = 115200, uart: Optional[Any] = None
) -> List[Tuple[int, int]]: ...
