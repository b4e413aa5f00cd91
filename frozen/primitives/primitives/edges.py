# The edge source shared by Switch and Pushbutton. One task per input reads the pin when it may
# have changed, then leaves it alone for the debounce period, so contact bounce is never seen.
# Without an IRQ the task reads the pin every debounce period, forever. With one, a hard IRQ on
# either edge sets a flag that asyncio polls in C, and an idle input costs no scheduler passes.
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


async def watch(owner):
    """Call owner._check() when owner._pin may have changed; it returns True if it had."""
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


def unwatch(owner):
    """End owner's watch task and pin IRQ (its deinit()); False if they had ended already."""
    task = owner._task
    if task is None:
        return False
    if owner._flag is not None:
        owner._pin.irq(None)
    owner._task = None
    _end(task, owner._flag)
    return True
