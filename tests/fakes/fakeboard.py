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
#     floating(pin)                True if nothing drives or pulls the pin's wire
#     voltage(pin, v)              the volts on an ADC pin (None: its logic level's)
#     send(uart, data)             the far end sends data to the UART's RX, at its baud rate
#     accel(x, y, z)               the acceleration the MMA7660 measures (-32..31 each)
#     accel_fault(on)              the accelerometer stops answering (Accel() raises OSError)
#     caught()                     how many exceptions hard handlers raised (each disabled it)
#     silence(on)                  count them without printing them (a test provoking one)
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
    """Drive a pin's wire from outside the board (a button, a sensor): the level it reads, unless
    a pin drives the wire, until level(pin, None) lets it go back to its pull (or float). The
    X1-X2 jumper makes one wire: both ends read it. Writing the pin itself (pin.value(v)) on a
    Pyboard only sets its output register; this is the test's way to be the outside world."""
    if isinstance(pin, str):
        pin = machine.Pin(pin)
    partner = pin._partner()
    was = pin._read()
    pwas = None if partner is None else partner._read()
    pin._ext = None if v is None else (1 if v else 0)
    if partner is not None:
        partner._ext = pin._ext
    pin._changed(was, partner, pwas)


def floating(pin):
    """True if nothing drives the pin's wire and no single pull sets it (it keeps its level)."""
    return machine.Pin(pin)._floating()


def voltage(pin, v):
    """The volts (0..3.3) the outside world applies to an ADC pin; None: the wire's logic level."""
    name = machine.Pin(pin)._name
    if v is None:
        machine._volts.pop(name, None)
    elif not 0 <= v <= 3.6:
        raise ValueError("voltage(): 0..3.6 V on a Pyboard pin, not %r" % (v,))
    else:
        machine._volts[name] = v


def send(uart, data):
    """The far end starts sending data to uart's RX now: a char arrives each frame time."""
    uart._arrive(data)


def accel(x, y, z):
    """The board is moved: the MMA7660's next samples read (x, y, z), 6-bit signed."""
    for v in (x, y, z):
        if not -32 <= v <= 31:
            raise ValueError("the MMA7660 reads -32..31, not %r" % (v,))
    pyb._accel_xyz[:] = [x, y, z]


def accel_fault(on):
    """The accelerometer stops answering on I2C (True) or answers again (False)."""
    pyb._accel_fault[0] = bool(on)


def caught():
    """How many exceptions hard IRQ handlers have raised so far (each disabled its handler)."""
    return machine._caught[0]


def silence(on):
    """True: count hard handlers' exceptions without printing them (the board prints each), for
    a test that provokes one on purpose and asserts caught(); False: print them again."""
    machine._print_caught[0] = not on
