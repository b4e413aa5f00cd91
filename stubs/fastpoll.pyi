"""IRQ-to-task hand-off whose readiness asyncio checks in C (the _fastpoll module).

One waiter per object: a second task calling wait() raises RuntimeError. priority=True: the
woken task runs before the tasks that were merely ready."""

from array import array
from asyncio import Task
from typing import Any, ClassVar, List, Optional, Tuple, Union

class Flag:
    """set() from a hard IRQ; await wait() returns once set, then clears."""

    def __init__(self, *, priority: bool = False) -> None: ...
    @property
    def priority(self) -> bool: ...
    def set(self) -> None:
        """Hard-IRQ safe: allocates nothing."""
    def clear(self) -> None: ...
    def is_set(self) -> bool: ...
    async def wait(self) -> None: ...

class Counter:
    """add(n) from a hard IRQ; await wait() returns the events since the last wait (>= 1)."""

    MAX: ClassVar[int]
    def __init__(self, *, priority: bool = False) -> None: ...
    @property
    def priority(self) -> bool: ...
    def add(self, n: int = 1) -> None:
        """Hard-IRQ safe; the count saturates at MAX."""
    def value(self) -> int: ...
    def take(self) -> int:
        """Read and reset the count atomically."""
    async def wait(self) -> int: ...

class Bits:
    """await wait() returns once (word & mask) == value (value defaults to mask).

    target: a 4-byte aligned address of a 32-bit word in the board's memory map (a status
    register: it is read every scheduler pass, so reading must have no side effect; else
    ValueError), or a writable buffer whose first item is the word (bytearray: 1 byte,
    array('H'): 2, array('I'): 4)."""

    def __init__(
        self,
        target: Union[int, bytearray, memoryview, "array[int]"],
        mask: int,
        value: Optional[int] = None,
        *,
        priority: bool = False,
    ) -> None: ...
    @property
    def priority(self) -> bool: ...
    def ready(self) -> bool: ...
    async def wait(self) -> None: ...

class IOQueue:
    """asyncio's IO queue, able to wake a task ahead of the run queue (installed on import)."""

    urgent: List[Tuple[Any, Task[Any]]]
    def __init__(self) -> None: ...
    def queue_read(self, s: Any) -> None: ...
    def queue_write(self, s: Any) -> None: ...
    def queue_urgent(self, s: Any) -> None: ...
    def remove(self, task: Task[Any]) -> None: ...
    def wait_io_event(self, dt: int) -> None: ...
