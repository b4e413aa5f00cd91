# asyn: the tutorial's synchronisation module. Every name is the class in primitives (the same
# object, loaded on first use), so code written for either module mixes freely.
import primitives
from primitives import launch  # noqa: F401

_names = ("Barrier", "BoundedSemaphore", "Condition", "Event", "Lock", "Semaphore", "WaitAll",
          "WaitAny")


def __getattr__(attr):
    if attr in _names:
        return getattr(primitives, attr)
    raise AttributeError(attr)
