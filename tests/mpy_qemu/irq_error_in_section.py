# An error inside a critical section leaves interrupts enabled (masked, they would stop
# SysTick, and asyncio with it) and the object as it was.
from array import array

from machine import disable_irq, enable_irq
from primitives import RingbufQueue
from testkit import raises


def irqs_enabled():
    state = disable_irq()
    enable_irq(state)
    # The Pyboard's (stm32 port) says True when interrupts were enabled; the generic one of the
    # qemu build returns the PRIMASK it replaced, 0 while they are enabled.
    return state is True if isinstance(state, bool) else state == 0


assert irqs_enabled()
q = RingbufQueue(array("b", [0] * 3))  # holds 2
q.put_nowait(1)
q.put_nowait(2)
raises(TypeError, q.put_nowait, "x")  # full, and an array of bytes holds no str
assert irqs_enabled()
assert q.qsize() == 2 and q.get_nowait() == 1 and q.get_nowait() == 2 and q.empty()
raises(TypeError, q.put_nowait, None)
assert irqs_enabled() and q.empty()
print("error in section ok")
