"""The tutorial's synchronisation module: the classes of primitives (the same objects)."""

from primitives import launch as launch
from primitives.barrier import Barrier as Barrier
from primitives.condition import Condition as Condition
from primitives.events import Event as Event
from primitives.events import WaitAll as WaitAll
from primitives.events import WaitAny as WaitAny
from primitives.lock import Lock as Lock
from primitives.semaphore import BoundedSemaphore as BoundedSemaphore
from primitives.semaphore import Semaphore as Semaphore
