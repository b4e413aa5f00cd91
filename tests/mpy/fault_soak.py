# Soak, small: every IRQ-facing call 2,000 times from a task, a soft callback and a hard IRQ
# (fake pin, heap locked); the heap is where it was afterwards (make bench runs the large one).
import asyncio

from soakkit import soak

ROUNDS = 2000
TOLERANCE = 256  # bytes: GC fragmentation; a leak would be ROUNDS times something

result = asyncio.run(soak(ROUNDS))
for name, (drift, calls, rate) in result.items():
    print(name, "drift", drift, "B over", calls, "calls")
    assert drift <= TOLERANCE, (name, drift)
print("soak ok")
