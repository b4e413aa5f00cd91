from asyncio import Event as Event
from asyncio import Task
from typing import Any, Awaitable, Callable, Optional, Protocol, Sequence, Union

# Hinch's events module holds these too (here each has its own module).
from primitives.ebutton import EButton as EButton
from primitives.eswitch import ESwitch as ESwitch

class _Waitable(Protocol):
    # Anything with a wait() coroutine: Event, WaitAny, WaitAll, ELO, Delay_ms, ... clear() is
    # called on members that have one.
    def wait(self) -> Awaitable[Any]: ...

class WaitAny:
    """Wait until any of the events is set. One task at a time may wait on it. A member's
    error (a fastpoll object another task waits on) is raised by wait()."""

    events: Sequence[_Waitable]
    def __init__(self, events: Sequence[_Waitable]) -> None: ...
    async def wait(self) -> _Waitable:
        """Wait until any event is set; returns that event."""
    def event(self) -> Optional[_Waitable]:
        """The event that ended the last wait()."""
    def clear(self) -> None: ...

class WaitAll:
    """Wait until every event has been set. One task at a time may wait on it."""

    events: Sequence[_Waitable]
    def __init__(self, events: Sequence[_Waitable]) -> None: ...
    async def wait(self) -> None: ...
    def clear(self) -> None: ...

class ELO:
    """An event-like object: wait() returns when the task (given, or made from coro(*args,
    **kwargs)) ends; elo() is the task, or the CancelledError that ended it."""

    def __init__(self, coro: Union[Task[Any], Callable[..., Any]], *args: Any, **kwargs: Any
                 ) -> None: ...
    async def wait(self) -> None: ...
    def __call__(self) -> Union[Task[Any], BaseException]: ...
