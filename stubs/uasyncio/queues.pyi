from primitives.queue import Queue as Queue
from primitives.queue import QueueEmpty as QueueEmpty
from primitives.queue import QueueFull as QueueFull
from primitives.ringbuf_queue import RingbufQueue as RingbufQueue
