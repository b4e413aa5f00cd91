# deinit() from a soft callback that lands inside the driver's own task, between two of its
# bytecodes, just before it parks on its fastpoll Flag: the task must still end (before, it
# parked for good, keeping itself and its driver alive). A chain of k scheduled callbacks moves
# the landing point over the task's bytecodes; the callback that ends the chain calls deinit().
# Named fastpoll_* so that it also runs on the pure-Python hub (stock firmware), where a
# callback landing inside Hub.add() used to leave a dead waiter in the hub's list.
# And: a failed ELO's wait() raised one stored exception again and again, growing its traceback.
import asyncio
import gc

import fakeboard
import micropython
from machine import Pin
from primitives import ELO, Delay_ms, Encoder, Switch

opened = []  # Switch open callbacks: none may come after deinit()


def chain(arg):
    driver, k = arg
    if k > 0:
        micropython.schedule(chain, (driver, k - 1))
    else:
        driver.deinit()
        if isinstance(driver, Switch):
            fakeboard.level(driver._pin, None)  # released at once: deinit() must not report it


async def delay_ms(k):
    holder = []
    d = Delay_ms(lambda: micropython.schedule(chain, (holder[0], k)), duration=10)
    holder.append(d)
    task = d._task
    d.trigger()
    await asyncio.sleep_ms(100)
    return task


async def switch(k):
    pin = Pin("X3", Pin.IN, Pin.PULL_UP)
    sw = Switch(pin, irq=True)
    sw.close_func(lambda: micropython.schedule(chain, (sw, k)))
    sw.open_func(opened.append, (k,))
    task = sw._task
    await asyncio.sleep_ms(10)
    fakeboard.level(pin, 0)
    await asyncio.sleep_ms(30)
    fakeboard.level(pin, None)
    return task


async def encoder(k):
    px, py = Pin("X3", Pin.IN, Pin.PULL_DOWN), Pin("X4", Pin.IN, Pin.PULL_DOWN)
    fakeboard.level(px, 0)  # one edge below, and no edge back to undo it
    holder = []
    enc = Encoder(px, py, callback=lambda v, d: micropython.schedule(chain, (holder[0], k)),
                  delay=0)
    holder.append(enc)
    task = enc._task
    await asyncio.sleep_ms(10)
    fakeboard.level(px, 1)
    await asyncio.sleep_ms(60)
    return task


class _DeinitInSet:
    # Stands in for Delay_ms's event, as a soft callback landing inside its set() that calls
    # deinit(): the timer's own callback must not run after that.
    def __init__(self, d):
        self.d = d

    def set(self):
        self.d.deinit()

    def clear(self):
        pass

    def is_set(self):
        return False


async def delay_ms_deinit_in_set():
    calls = []
    d = Delay_ms(lambda: calls.append(d._task is None), duration=10)
    d._tout = _DeinitInSet(d)
    d.trigger()
    await asyncio.sleep_ms(50)
    assert calls == [], calls  # [True] before: called after deinit()


async def failing():
    raise ValueError("x")


async def main():
    for make, ks in ((delay_ms, 12), (switch, 40), (encoder, 16)):
        for k in range(ks):
            task = await make(k)
            await asyncio.sleep_ms(60)  # past Switch's debounce (50 ms)
            assert task.done(), (make.__name__, k, task.data)
    assert not opened, opened  # a callback after deinit()
    await delay_ms_deinit_in_set()
    e = ELO(failing)
    for rnd in range(2):  # the first round settles what is made once
        gc.collect()
        before = gc.mem_free()
        for _ in range(200):
            try:
                await e.wait()
            except ValueError:
                pass
        gc.collect()
    lost = before - gc.mem_free()
    assert lost < 200, lost  # 48 B a wait() before: 9,600 B


asyncio.run(main())
print("deinit mid-task ok")
