# The edge source shared by Switch, Pushbutton, ESwitch and EButton. One task per input reads
# the pin when it may have changed, then leaves it alone for the debounce period, so contact
# bounce is never seen. Without an IRQ the task reads the pin every debounce period, forever.
# With one, a hard IRQ on either edge sets a flag that asyncio polls in C, and an idle input
# costs no scheduler passes.
import asyncio

from fastpoll import Flag

from primitives import _end


def irq_flag(pin):
    """A Flag set from a hard IRQ on each edge of pin."""
    flag = Flag()

    def handler(_):
        # Hard IRQ: setting the flag writes one byte and allocates nothing.
        flag.set()

    pin.irq(handler, pin.IRQ_RISING | pin.IRQ_FALLING, hard=True)
    return flag


class Input:
    """What watch() drives: the base of every debounced input. A subclass sets _pin, calls
    _watch(pin, irq) last in its __init__ and defines _check(), which reads the input, acts on
    a change and returns whether there was one: watch() calls it when the pin may have
    changed, and waits debounce_ms after a change. _stop() (the subclass's deinit()) ends the
    task and the IRQ. _flag and _task belong to this class and watch() alone."""

    debounce_ms = 50  # class or instance attribute
    # Class-level defaults: an instance holds only what it was asked for.
    _flag = None  # the edge IRQ's fastpoll Flag, with irq=True
    _task = None  # the watch task; None once _stop() ran

    def _watch(self, pin, irq):
        # The IRQ before the task: if the pin refuses it (no irq(), its EXTI line taken),
        # nothing is left running.
        if irq:
            self._flag = irq_flag(pin)
        self._task = asyncio.create_task(watch(self))

    def _stop(self):
        """End the watch task and the pin IRQ; False if they had ended already."""
        task = self._task
        if task is None:
            return False
        if self._flag is not None:
            self._pin.irq(None)
        self._task = None
        _end(task, self._flag)
        return True


async def watch(owner):
    """Call owner._check() (owner: an Input) when owner._pin may have changed."""
    # One local only: this frame lives as long as the driver, in every instance.
    while owner._task is not None:  # None: deinit() ran, perhaps while this task ran
        if owner._flag is not None:
            # Clear before reading: an edge after the read sets the flag again, none is lost.
            owner._flag.clear()
        if owner._check():
            if owner._task is None:  # a callback in _check() ran deinit()
                return
            await asyncio.sleep_ms(owner.debounce_ms)
        elif owner._task is None:
            return
        elif owner._flag is None:
            await asyncio.sleep_ms(owner.debounce_ms)
        else:
            await owner._flag.wait()

