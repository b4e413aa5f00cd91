# Test-only: what a test reads from or does to the fake Pyboard beyond the real API (frozen into
# the test builds only; nothing in the firmware imports it).
#     toggles(), reset_toggles()   how often each LED went between off and on
#     edges("late")                hard IRQs held pending per EXTI line, delivered at the next
#                                  asyncio scheduler pass (edges in between merge into one)
#     edges("now")                 hard IRQs at the edge (the default)
#     deliver()                    deliver the pending ones now
#     irq_of(pin)                  the handler pin's IRQ calls, None if it has none
#     jumper(False)                take the X1-X2 jumper off (until the next soft reset)
#     level(pin, v)                the outside world drives an input to v (None: lets it go)
import asyncio
import io

import machine
import pyb


def toggles():
    """(red, green, yellow, blue): how often each LED went between off and on."""
    return tuple(pyb._led_changes)


def reset_toggles():
    for i in range(4):
        pyb._led_changes[i] = 0


def irq_of(pin):
    line = pin.pin()
    return machine._cb[line] if machine._arg[line] is pin else None


def jumper(on):
    """Put the X1-X2 jumper on (True, as the test builds start) or take it off (False)."""
    if on:
        machine._WIRE.update({"A0": "A1", "A1": "A0"})
    else:
        machine._WIRE.clear()


def deliver():
    machine._deliver()


class _PassHook(io.IOBase):
    # A stream asyncio polls on every scheduler pass (as ThreadSafeFlag): each poll delivers
    # what is pending. It reports ready only to let its task end when late mode ends.
    def ioctl(self, req, flags):
        if req == 3:  # MP_STREAM_POLL
            machine._deliver()
            return 0 if machine._late[0] else flags
        return -1


_hook = _PassHook()


async def _watch():
    while machine._late[0]:
        yield asyncio.core._io_queue.queue_read(_hook)


def edges(mode):
    """"late": hold hard IRQs pending until the next scheduler pass (call it from a task, or
    before asyncio.run()); "now": at the edge, delivering anything pending first."""
    if mode == "late":
        if not machine._late[0]:
            machine._late[0] = True
            asyncio.create_task(_watch())
    elif mode == "now":
        machine._late[0] = False
        machine._deliver()
    else:
        raise ValueError("edges(): 'late' or 'now'")


def level(pin, v):
    """Drive an input from outside the board (a button, a sensor): the level it reads until
    level(pin, None) lets it float back to its pull. Writing the pin itself (pin.value(v)) on a
    Pyboard only sets its output register; this is the test's way to be the outside world."""
    if isinstance(pin, str):
        pin = machine.Pin(pin)
    partner = pin._partner()
    was = pin._read()
    pwas = None if partner is None else partner._read()
    pin._ext = None if v is None else (1 if v else 0)
    pin._changed(was, partner, pwas)
