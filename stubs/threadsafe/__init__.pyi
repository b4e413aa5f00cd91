"""Primitives set from hard IRQs, soft callbacks or other threads (Hinch's v3 names)."""

from threadsafe.message import Message as Message
from threadsafe.threadsafe_event import ThreadSafeEvent as ThreadSafeEvent
from threadsafe.threadsafe_queue import ThreadSafeQueue as ThreadSafeQueue
