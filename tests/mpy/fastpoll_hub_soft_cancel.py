# The hub against soft callbacks that cancel waiters while it wakes tasks. A soft callback
# (micropython.schedule) runs at any jump or Python call of the Python hub (_fastpoll.py, what
# mip installs on stock firmware; tests/host/test_fastpoll_fallback.py runs this script with
# it): cancelling the waiter being woken must not put its task on the run queue twice (nor lose
# the cancellation), and cancelling one at a lower index must not make the hub skip a ready
# object. The C hub wakes in C, where no callback can land: there this script checks the same
# outcomes without the injection.
import asyncio

import fastpoll
from fastpoll import Flag

errors = []


class Injector:
    # Stands in for asyncio.core as the Python hub sees it: the hub's first look at the task
    # queue during a wake runs action, as a soft callback landing there would.
    def __init__(self, core):
        self.core = core
        self.action = None

    def __getattr__(self, name):
        if name == "_task_queue" and self.action is not None:
            action, self.action = self.action, None
            action()
        return getattr(self.core, name)


hub = fastpoll._hub
python_hub = hasattr(hub, "_wake")
if python_hub:
    inj = hub._asyncio = Injector(hub._asyncio)


def inject(action):
    if python_hub:
        inj.action = action
    else:
        action()  # the C hub: before the wake, as no callback can land inside it


async def waiter(flag, log, name):
    try:
        await flag.wait()
        log.append(name)
    except asyncio.CancelledError:
        log.append("cancelled " + name)


async def main():
    asyncio.get_event_loop().set_exception_handler(lambda loop, ctx: errors.append(ctx))
    # The waiter being woken is cancelled as the hub wakes it.
    log = []
    f1, f2 = Flag(), Flag()
    t1 = asyncio.create_task(waiter(f1, log, "t1"))
    asyncio.create_task(waiter(f2, log, "t2"))
    await asyncio.sleep_ms(10)
    inject(t1.cancel)
    f1.set()
    f2.set()
    await asyncio.sleep_ms(20)
    assert sorted(log) == ["cancelled t1", "t2"], log
    assert not errors, errors
    # Then each flag is waited on again, and wakes its new waiter once.
    log.clear()
    f1.clear()
    f2.clear()
    ts = [asyncio.create_task(waiter(f, log, n)) for f, n in ((f1, "a"), (f2, "b"))]
    await asyncio.sleep_ms(10)
    f2.set()
    f1.set()
    await asyncio.sleep_ms(20)
    assert sorted(log) == ["a", "b"] and all(t.done() for t in ts), log
    # A waiter at a lower index is cancelled as the hub wakes a later one: the object after
    # that one, ready too, is not skipped.
    log.clear()
    f0, f1, f2 = Flag(), Flag(), Flag()
    t0 = asyncio.create_task(waiter(f0, log, "t0"))
    asyncio.create_task(waiter(f1, log, "t1"))
    asyncio.create_task(waiter(f2, log, "t2"))
    await asyncio.sleep_ms(10)
    f1.set()
    f2.set()
    inject(t0.cancel)
    await asyncio.sleep_ms(20)
    assert sorted(log) == ["cancelled t0", "t1", "t2"], log
    assert not errors, errors
    print("hub soft cancel ok", "(python hub)" if python_hub else "(C hub)")


asyncio.run(main())
