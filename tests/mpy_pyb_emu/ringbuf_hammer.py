# RingbufQueue's critical sections under the port's real timer interrupt, pressed hard: the
# interrupt put_nowait()s into a full ring of 3, so every put overwrites (moving both indices),
# while the task reads qsize() in a tight loop. Read atomically, it is 3 every time; read apart,
# an overwrite between the two reads pairs an old write index with a new read index.
# tests/host/test_pyb_emu.py also runs this on a copy of ringbuf_queue.py with disable_irq() made a
# no-op (ringbuf_under_test.py): that must fail.
import time

try:
    from ringbuf_under_test import RingbufQueue
except ImportError:
    from primitives import RingbufQueue
from machine import Timer

q = RingbufQueue(4)
seq = [0]
over = [0]


def isr(t):
    x = seq[0]
    seq[0] = x + 1
    try:
        if q.put_nowait(x):
            over[0] += 1
    except IndexError:
        over[0] += 1


for i in range(3):
    q.put_nowait(-1)
t = Timer(-1, freq=1000, callback=isr, hard=True)
reads = 0
wrong = 0
t0 = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t0) < 3000:
    if q.qsize() != 3:
        wrong += 1
    reads += 1
t.deinit()
n = seq[0]
assert n >= 2700, n  # 1 kHz for 3 s, less what masking and GC hold back
assert over[0] == n, (over[0], n)  # the ring was full at every put
items = [q.get_nowait() for _ in range(3)]
assert items == [n - 3, n - 2, n - 1], (items, n)  # the newest three, in order
assert wrong == 0, (wrong, reads, n)
print("ringbuf hammer ok:", n, "overwrites,", reads, "reads of qsize, none wrong")
