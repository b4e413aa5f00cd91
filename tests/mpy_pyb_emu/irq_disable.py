# machine.disable_irq() on the real port masks the interrupts the asyncio primitives are fed
# from: while masked, no hard timer callback runs and SysTick's ms count stands still; the
# callback due meanwhile runs once interrupts are enabled again.
import time

from machine import Timer, disable_irq, enable_irq

count = [0]


def isr(t):
    count[0] += 1


def spin(n):
    x = 0
    for i in range(n):
        x += i
    return x


N = 20000
t = Timer(-1, freq=1000, callback=isr, hard=True)
# Unmasked, the same loop spans many ticks and callbacks (a reference for the masked run).
c0, t0 = count[0], time.ticks_ms()
spin(N)
ms_open, n_open = time.ticks_diff(time.ticks_ms(), t0), count[0] - c0
assert ms_open >= 10 and n_open >= 9, (ms_open, n_open)

state = disable_irq()
c0, t0 = count[0], time.ticks_ms()
spin(N)
ms_masked, n_masked = time.ticks_diff(time.ticks_ms(), t0), count[0] - c0
enable_irq(state)
assert state is True, state  # the stm32 port's: interrupts had been enabled
assert n_masked == 0 and ms_masked == 0, (n_masked, ms_masked)

c0 = count[0]
time.sleep_ms(20)
assert count[0] - c0 >= 15, count[0] - c0  # they run again
t.deinit()
print("disable_irq ok: open", ms_open, "ms", n_open, "callbacks; masked 0 and 0")
