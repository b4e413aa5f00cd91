# No error leaves interrupts masked: each disable_irq() section of the library is left through
# a finally, whatever raises inside it (on a Pyboard masked interrupts stop SysTick, asyncio
# and the USB REPL: the board hangs). And a RingbufQueue too small to hold an item is refused
# where it is made, with a ValueError, instead of raising later inside such a section.
from primitives import RingbufQueue, ringbuf_queue
from testkit import MaskSpy, raises

for buf in (0, 1, [], [0], -3):
    e = raises(ValueError, RingbufQueue, buf)
    assert "RingbufQueue" in str(e), e
q = RingbufQueue(2)  # the smallest: holds one item
q.put_nowait(1)
assert q.full() and q.get_nowait() == 1 and q.empty()


class Faulty:
    # A buffer whose reads fail (as a driver's custom buffer might): the error comes from
    # inside RingbufQueue's critical sections.
    def __init__(self, n):
        self._items = [0] * n

    def __len__(self):
        return len(self._items)

    def __setitem__(self, i, v):
        self._items[i] = v

    def __getitem__(self, i):
        raise OSError("read fault")


spy = MaskSpy(ringbuf_queue)
try:
    q = RingbufQueue(Faulty(4))
    q.put_nowait(1)
    assert spy.depth == 0
    raises(OSError, q.peek)
    assert spy.depth == 0, "peek() left interrupts masked"
    raises(OSError, q.get_nowait)
    assert spy.depth == 0, "get_nowait() left interrupts masked"
    assert q.qsize() == 1  # nothing was taken
    q._size = 0  # a corrupted size: qsize() raises inside its section
    raises(ZeroDivisionError, q.qsize)
    assert spy.depth == 0, "qsize() left interrupts masked"
finally:
    spy.close()
print("masked exits ok")
