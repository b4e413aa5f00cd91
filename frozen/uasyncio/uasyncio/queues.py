# The tutorial's uasyncio.queues, and Hinch v3's RingbufQueue: the primitives' classes.
from primitives.queue import Queue, QueueEmpty, QueueFull  # noqa: F401
from primitives.ringbuf_queue import RingbufQueue  # noqa: F401
