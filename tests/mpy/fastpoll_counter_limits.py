# fastpoll.Counter at its limits, the same with the C module and the pure-Python one (the host
# test runs every fastpoll_*.py with both): add() at saturation allocates nothing (the count
# stays a small int), a huge n saturates while it fits a machine word and is an OverflowError
# beyond, as C's mp_obj_get_int() makes it.
import sys

import fastpoll
import micropython
from testkit import raises

MAX = fastpoll.Counter.MAX
assert MAX == (1 << 30) - 1  # the largest small int on a 32-bit port

c = fastpoll.Counter()
c.add(MAX - 1)
micropython.heap_lock()
c.add(5)  # MAX - 1 + 5 is no small int on a Pyboard: it must not be made
c.add()
c.add(MAX)
micropython.heap_unlock()
assert c.value() == MAX and c.take() == MAX and c.value() == 0

c.add(sys.maxsize)  # the largest machine word: saturates
assert c.value() == MAX
c.take()
raises(OverflowError, c.add, sys.maxsize + 1)
raises(OverflowError, c.add, 1 << 100)
assert c.value() == 0
raises(ValueError, c.add, -1)
raises(TypeError, c.add, 1.5)
print("counter limits ok")
