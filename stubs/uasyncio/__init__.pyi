"""asyncio under its tutorial-era name, plus the event loop those programs drive.

get_event_loop() returns the Loop class itself: its functions are called on the class."""

from asyncio import CancelledError as CancelledError
from asyncio import Event as Event
from asyncio import Lock as Lock
from asyncio import StreamReader as StreamReader
from asyncio import StreamWriter as StreamWriter
from asyncio import Task as Task
from asyncio import TimeoutError as TimeoutError
from asyncio import create_task as create_task
from asyncio import current_task as current_task
from asyncio import gather as gather
from asyncio import open_connection as open_connection
from asyncio import run as run
from asyncio import sleep as sleep
from asyncio import start_server as start_server
from asyncio import wait_for as wait_for
from typing import (
    Any,
    Awaitable,
    Callable,
    Coroutine,
    Dict,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
)

_T = TypeVar("_T")
_Callback = Union[Callable[..., Any], Coroutine[Any, Any, Any]]
_Handler = Callable[[Type["Loop"], Dict[str, Any]], Any]

# MicroPython's asyncio beyond CPython's.
async def sleep_ms(t: int) -> None: ...
async def wait_for_ms(aw: Awaitable[_T], timeout: int) -> _T: ...

class ThreadSafeFlag:
    """Set from an IRQ or another thread; one task awaits wait()."""

    def __init__(self) -> None: ...
    def set(self) -> None: ...
    def clear(self) -> None: ...
    async def wait(self) -> None: ...

class Loop:
    """asyncio's loop plus the tutorial's scheduling calls. Each call_* returns the Task that
    runs the callback (func(*args), or func itself if it is a coroutine)."""

    @staticmethod
    def create_task(coro: Awaitable[_T]) -> Task[_T]:
        """Run coro as a task; a bare `yield` in it gives way, as in the tutorial."""
    @staticmethod
    def run_until_complete(aw: Awaitable[_T]) -> _T: ...
    @staticmethod
    def run_forever() -> None: ...
    @staticmethod
    def stop() -> None: ...
    @staticmethod
    def close() -> None: ...
    @staticmethod
    def time() -> int:
        """Milliseconds (ticks_ms), the clock of call_at()."""
    @staticmethod
    def call_at_(when: int, func: _Callback, args: Tuple[Any, ...] = ()) -> Task[Any]: ...
    @staticmethod
    def call_later_ms_(delay: int, func: _Callback, args: Tuple[Any, ...] = ()) -> Task[Any]: ...
    @staticmethod
    def call_at(when: int, func: _Callback, *args: Any) -> Task[Any]: ...
    @staticmethod
    def call_later_ms(delay: int, func: _Callback, *args: Any) -> Task[Any]: ...
    @staticmethod
    def call_later(delay: float, func: _Callback, *args: Any) -> Task[Any]:
        """delay in seconds."""
    @staticmethod
    def call_soon(func: _Callback, *args: Any) -> Task[Any]: ...
    @staticmethod
    def set_exception_handler(handler: Optional[_Handler]) -> None: ...
    @staticmethod
    def get_exception_handler() -> Optional[_Handler]: ...
    @staticmethod
    def default_exception_handler(loop: Type["Loop"], context: Dict[str, Any]) -> None: ...
    @staticmethod
    def call_exception_handler(context: Dict[str, Any]) -> None: ...

def get_event_loop(runq_len: int = 0, waitq_len: int = 0) -> Type[Loop]:
    """runq_len and waitq_len are accepted and ignored."""

def new_event_loop() -> Type[Loop]: ...
