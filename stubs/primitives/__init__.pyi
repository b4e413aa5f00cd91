"""asyncio primitives and drivers (Peter Hinch's micropython-async v3 names), loaded lazily."""

from typing import Any, Callable, Tuple, Type

from primitives.aadc import AADC as AADC
from primitives.barrier import Barrier as Barrier
from primitives.broker import Agent as Agent
from primitives.broker import Broker as Broker
from primitives.broker import RegExp as RegExp
from primitives.broker import broker as broker
from primitives.condition import Condition as Condition
from primitives.delay_ms import Delay_ms as Delay_ms
from primitives.ebutton import EButton as EButton
from primitives.encoder import Encoder as Encoder
from primitives.eswitch import ESwitch as ESwitch
from primitives.events import ELO as ELO
from primitives.events import Event as Event
from primitives.events import WaitAll as WaitAll
from primitives.events import WaitAny as WaitAny
from primitives.lock import Lock as Lock
from primitives.pushbutton import Pushbutton as Pushbutton
from primitives.queue import Queue as Queue
from primitives.queue import QueueEmpty as QueueEmpty
from primitives.queue import QueueFull as QueueFull
from primitives.ringbuf_queue import RingbufQueue as RingbufQueue
from primitives.semaphore import BoundedSemaphore as BoundedSemaphore
from primitives.semaphore import Semaphore as Semaphore
from primitives.sw_array import Keyboard as Keyboard
from primitives.sw_array import SwArray as SwArray
from primitives.switch import Switch as Switch

def launch(func: Callable[..., Any], args: Tuple[Any, ...] = ()) -> Any:
    """Call func(*args); if that gives a coroutine, run it as a task and return the task."""

type_coro: Type[Any]
"""The type of a coroutine (Hinch's name)."""

def set_global_exception() -> None:
    """An exception in any task prints its traceback and ends the program."""
