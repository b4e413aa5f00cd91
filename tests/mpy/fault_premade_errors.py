# Errors raised where a hard IRQ may be (an overwriting put_nowait(), a refused put_sync() or
# get_sync(), a trigger() after deinit()) are made in advance, as an IRQ handler cannot
# allocate. MicroPython appends traceback entries to an exception object on each raise and never
# clears them, so raising that same object from a task would grow it, and the heap, on every
# raise. 4,000 raises caught by the caller must leave the heap where it was.
import gc

from primitives import Delay_ms, RingbufQueue
from threadsafe import ThreadSafeQueue

N = 4000
TOLERANCE = 512  # bytes: fragmentation; growth would be N times 24 or 48 B


def drift(func, *args):
    def once():
        try:
            func(*args)
        except (IndexError, RuntimeError):
            pass

    for _ in range(10):  # warm up: first-call allocations are not growth
        once()
    gc.collect()
    before = gc.mem_alloc()
    for _ in range(N):
        once()
    gc.collect()
    return gc.mem_alloc() - before


q = RingbufQueue(3)
q.put_nowait(1)
q.put_nowait(2)
tq = ThreadSafeQueue(2)
tq.put_sync(1)
empty = ThreadSafeQueue(2)
dl = Delay_ms()
dl.deinit()
for name, func, arg in (("RingbufQueue.put_nowait", q.put_nowait, 3),
                        ("ThreadSafeQueue.put_sync", tq.put_sync, 2),
                        ("ThreadSafeQueue.get_sync", empty.get_sync, None),
                        ("Delay_ms.trigger", dl.trigger, 0)):
    grew = drift(func) if arg is None else drift(func, arg)
    assert grew < TOLERANCE, (name, grew)
    print(name, "grew", grew, "B over", N, "raises")
# Each error still says what happened.
for func, args, text in ((q.put_nowait, (3,), "RingbufQueue full"),
                         (tq.put_sync, (2,), "ThreadSafeQueue full"),
                         (empty.get_sync, (), "ThreadSafeQueue empty"),
                         (dl.trigger, (), "deinit")):
    try:
        func(*args)
    except (IndexError, RuntimeError) as e:
        assert text in str(e), (text, e)
    else:
        raise AssertionError(text)
print("premade errors ok")
# In a hard IRQ (heap locked) the same calls raise the pre-made errors, allocating nothing.
import micropython  # noqa: E402


def in_irq():
    # Each call raises; the handler catches, as an IRQ handler that overwrites would.
    n = 0
    try:
        q.put_nowait(3)
    except IndexError:
        n += 1
    try:
        tq.put_sync(2)
    except IndexError:
        n += 1
    try:
        empty.get_sync()
    except IndexError:
        n += 1
    try:
        dl.trigger()
    except RuntimeError:
        n += 1
    return n


in_irq()
micropython.heap_lock()
try:
    n = in_irq()
finally:
    micropython.heap_unlock()
assert n == 4, n
print("premade errors in a hard IRQ ok")
