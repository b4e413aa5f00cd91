# irqsim.Timer itself: its callback runs in hard IRQ context as a pyb.Timer callback does on the
# Pyboard (heap locked, micropython.schedule usable, an exception stops the timer); count() and
# deinit() do what they say.
from time import sleep_ms, ticks_diff, ticks_ms

import irqsim
import micropython
from testkit import raises

raises(ValueError, irqsim.Timer, 0, print)
raises(TypeError, irqsim.Timer, 1000, None)


def until(cond, ms=500):
    t0 = ticks_ms()
    while not cond():  # a Python loop: scheduled functions run here
        assert ticks_diff(ticks_ms(), t0) < ms, "timed out"


# The heap is locked in the handler.
allocs = [0, 0]  # allocations that worked, that raised MemoryError


def alloc(t):
    try:
        allocs[0] += len([t])
    except MemoryError:
        allocs[1] += 1


t = irqsim.Timer(3000, alloc)
until(lambda: t.count() >= 3)
t.deinit()
n = t.count()
assert allocs == [0, n], (allocs, n)
sleep_ms(20)
assert t.count() == n  # deinit() stopped it

# An uncaught exception is printed and stops the timer: tests/host/test_runner.py checks that,
# as it prints a failure that the runner must catch.

# micropython.schedule() from the handler runs the function soon after, in thread context.
ran = []
pending = [0]


def later(arg):
    ran.append(arg)  # allocating is fine here


def sched(t):
    if not pending[0]:
        pending[0] = 1
        micropython.schedule(later, t.count())


t = irqsim.Timer(3000, sched)
for _ in range(5):
    until(lambda: len(ran) > 0)
    ran.clear()
    pending[0] = 0
t.deinit()

# Both timers at once, each counting its own calls; a third is refused.
calls = [0, 0]


def one(t):
    calls[0] += 1


def two(t):
    calls[1] += 1


a = irqsim.Timer(3000, one)
b = irqsim.Timer(5000, two)
raises(OSError, irqsim.Timer, 1000, print)
until(lambda: calls[0] > 100 and calls[1] > 100, 1000)
a.deinit()
b.deinit()
assert (a.count(), b.count()) == tuple(calls), (a.count(), b.count(), calls)
print("irqsim ok")
