# Delay_ms under hostile timing.
# - A full scheduler queue (a burst of soft callbacks) when a trigger moves the deadline
#   earlier: trigger() must not raise (in a hard IRQ that would disable the pin's line) and the
#   timer must keep the ability to move its deadline earlier once the queue has drained.
# - A trigger landing in the timer's task between its reads and its store must neither undo a
#   stop() nor leave the event set while the new trigger runs.
# - deinit() from a soft callback while the loop idles, with the timer's task the last to run
#   (asyncio.core.cur_task still names it), must end that task.
import asyncio

from primitives import Delay_ms, delay_ms
from testkit import idle_done, schedule_full, when_idle


async def queue_full():
    d = Delay_ms(duration=1000)
    d.trigger(1000)
    await asyncio.sleep_ms(20)  # the task sleeps towards the 1000 ms deadline
    got = schedule_full(d.trigger, 100)
    assert not isinstance(got, Exception), "trigger() raised with the queue full: " + repr(got)
    await asyncio.sleep_ms(20)  # the queue drains
    d.trigger(100)  # must still move the deadline earlier: it fires long before 1000 ms
    # Ordering, not wall-clock: the 100 ms deadline comes before the 500 ms timeout, however
    # busy the host (both are times on the same loop).
    await asyncio.wait_for_ms(d.wait(), 500)
    # The scheduled wake itself meets a full queue (it reschedules while the task runs): that
    # must not leave the timer unable to wake either.
    d.trigger(1000)
    await asyncio.sleep_ms(20)
    d._waking = True  # as if a _wake() were pending and now finds the queue full
    got = schedule_full(delay_ms._wake, d)
    assert not isinstance(got, Exception), repr(got)
    assert not d._waking, "a lost _wake() leaves _waking set for good"
    d.trigger(100)
    await asyncio.wait_for_ms(d.wait(), 500)
    d.deinit()
    print("queue full ok")


class Injected:
    # Stands in for delay_ms.ticks_ms: the first call after arm() runs action first, as an IRQ
    # landing just before the timer's task reads the time (between its reads of _gen/_tend and
    # its store of _done).
    def __init__(self, real):
        self.real = real
        self.action = None

    def arm(self, action):
        self.action = action

    def __call__(self):
        action, self.action = self.action, None
        if action is not None:
            action()
        return self.real()


async def irq_in_task():
    real = delay_ms.ticks_ms
    inj = delay_ms.ticks_ms = Injected(real)
    try:
        # A trigger then a stop() land as the task expires an older trigger: stopped it stays.
        d = Delay_ms(duration=30)
        d.trigger(30)
        await asyncio.sleep_ms(10)

        def trigger_then_stop():
            d.trigger(200)
            d.stop()

        inj.arm(trigger_then_stop)
        await asyncio.sleep_ms(60)  # past the first deadline: the task has run the injection
        assert inj.action is None
        assert not d.running(), "stop() undone by the task"
        await asyncio.sleep_ms(300)
        assert not d.running() and not d._tout.is_set(), "fired after stop()"
        d.deinit()
        # A trigger lands as the task expires an older one: the new one runs, and the event
        # is not left set meanwhile.
        d = Delay_ms(duration=30)
        d.trigger(30)
        await asyncio.sleep_ms(10)
        inj.arm(lambda: d.trigger(200))
        await asyncio.sleep_ms(60)
        assert inj.action is None
        assert d.running() and not d._tout.is_set(), "set while the new trigger runs"
        await asyncio.wait_for_ms(d.wait(), 1000)
        assert not d.running()
        d.deinit()
    finally:
        delay_ms.ticks_ms = real
    print("irq in task ok")


async def deinit_idle():
    d = Delay_ms(duration=50)
    task = d._task
    call = when_idle(d.deinit, last=task)
    await asyncio.sleep_ms(30)  # the timer's task runs first, parks on its Flag; then idle
    idle_done(call)
    assert d._task is None, "deinit() did not run"
    await asyncio.sleep_ms(30)
    assert task.done(), "deinit() from a soft callback left the timer's task parked"
    print("deinit idle ok")


async def main():
    await queue_full()
    await irq_in_task()
    await deinit_idle()


asyncio.run(main())
