# Helpers shared by the test scripts (frozen into the test builds only: on qemu a script
# cannot import a file beside it).
import asyncio
import sys

try:
    import io

    _io_ok = hasattr(io, "IOBase")
except ImportError:
    _io_ok = False

# PYBV11 pins for tests that need many: LINE_PINS[n] is on EXTI line n, so any of them can have
# an IRQ at the same time; OTHER_PINS share lines with them (use them polled, or alone).
LINE_PINS = ("X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8",
             "Y3", "Y4", "Y9", "Y10", "Y5", "Y6", "Y7", "Y8")
OTHER_PINS = ("Y11", "Y12", "X11", "X12", "X9", "X10", "Y1", "Y2")


async def finish(tasks):
    """Await every task, taking a cancellation as an ending."""
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            pass


def raises(exc, func, *args, **kwargs):
    """func(*args, **kwargs) must raise exc (a type or a tuple of them); returns the error."""
    try:
        func(*args, **kwargs)
    except exc as e:
        return e
    raise AssertionError("{} did not raise {}".format(func, exc))


async def times_out(aw, ms=20):
    """aw must not finish within ms: asyncio.wait_for_ms() times out (and cancels it)."""
    try:
        await asyncio.wait_for_ms(aw, ms)
    except asyncio.TimeoutError:
        return
    raise AssertionError("no timeout")


async def play_demo(demo, args, steps, pin, leds):
    """Play one astests demo on pin: steps are (level of pin, ms to wait, expected LED toggles
    (red, green, yellow, blue) since the start, or None)."""
    import fakeboard

    for led in leds:
        led.off()
    fakeboard.reset_toggles()
    things = demo(pin, leds, *args)
    await asyncio.sleep_ms(100)  # its tasks start, as before any human could press
    for level, ms, expect in steps:
        fakeboard.level(pin, level)
        await asyncio.sleep_ms(ms)
        if expect is not None:
            got = fakeboard.toggles()
            assert got == expect, (demo.__name__, args, got, expect)
    for t in things:
        (t.deinit if hasattr(t, "deinit") else t.cancel)()
    for led in leds:
        led.off()
    await asyncio.sleep_ms(100)  # what the demo started winds down


class MaskSpy:
    """Replace module mod's disable_irq/enable_irq with counting ones: depth is the number of
    critical sections entered and not left (0 unless something left interrupts masked). The
    real pair still runs, so on qemu interrupts are masked as on the board. close() restores."""

    def __init__(self, mod):
        self.mod = mod
        self.depth = 0
        self._real = (mod.disable_irq, mod.enable_irq)
        real_disable, real_enable = self._real

        def disable_irq():
            self.depth += 1
            return real_disable()

        def enable_irq(state):
            self.depth -= 1
            real_enable(state)

        mod.disable_irq, mod.enable_irq = disable_irq, enable_irq

    def close(self):
        self.mod.disable_irq, self.mod.enable_irq = self._real


# Fault injection (test builds only).
def _noop(_):
    pass


def schedule_full(func, *args):
    """Call func(*args) with micropython.schedule()'s queue full, as in a burst of soft
    callbacks, and return what it returned or raised (an exception is returned, not raised).

    The queue only stays full while scheduled callbacks cannot run: inside one of them (the
    scheduler is then locked). So one is scheduled that fills the queue, calls func, and leaves
    the filler callbacks (no-ops) to run after it."""
    import micropython

    out = []

    def run(_):
        try:
            while True:
                micropython.schedule(_noop, None)
        except RuntimeError:
            pass  # full
        try:
            out.append(func(*args))
        except Exception as e:  # noqa: BLE001 - handed to the test
            out.append(e)

    micropython.schedule(run, None)
    for _ in range(100):  # pending callbacks run at a backward jump
        if out:
            break
    assert out, "the scheduled callback did not run"
    return out[0]


class _IdleCall(io.IOBase if _io_ok else object):
    # Registered with asyncio's poller, which calls ioctl() on every scheduler pass, while the
    # loop is between tasks: cur_task still names the last task run, as for a soft IRQ then.
    def __init__(self, func, args, last):
        self._func = func
        self._args = args
        self._last = last

    def ioctl(self, req, arg):
        if req != 3:  # MP_STREAM_POLL
            return -1
        if self._func is not None and (self._last is None or asyncio.core.cur_task is self._last):
            import micropython

            func, self._func = self._func, None
            micropython.schedule(self._run, func)
        return 0

    def _run(self, func):
        func(*self._args)


def when_idle(func, *args, last=None):
    """Run func(*args) as a soft callback (micropython.schedule) while the event loop idles
    between tasks, at its next poll (with last: the next one after task last ran); returns a
    handle for idle_done()."""
    call = _IdleCall(func, args, last)
    asyncio.core._io_queue.poller.register(call, 1)  # POLLIN; never ready
    return call


def idle_done(call):
    asyncio.core._io_queue.poller.unregister(call)


def exhaust_heap():
    """Allocate until MemoryError; returns the list holding it all (clear() it to free)."""
    import gc

    gc.collect()
    hog = []
    size = 4096
    while size:
        try:
            hog.append(bytearray(size))
        except MemoryError:
            size //= 2
    return hog


class _Interrupt(io.IOBase if _io_ok else object):
    def ioctl(self, req, arg):
        if req != 3:
            return -1
        asyncio.core._io_queue.poller.unregister(self)
        raise KeyboardInterrupt


def interrupt_idle():
    """Raise KeyboardInterrupt at the event loop's next poll (where a Ctrl-C typed while the
    loop idles lands): it leaves asyncio.run() from inside wait_io_event()."""
    asyncio.core._io_queue.poller.register(_Interrupt(), 1)


# Time is counted in instructions on qemu (every runner of ours runs it with -icount and a
# fixed shift) and is the board's own on a Pyboard: there a two-sided time limit holds whatever
# the host does. On unix time is the host's, which a busy host stretches without bound.
COUNTED_TIME = sys.platform != "linux"


def within(ms, low, high, what=""):
    """low <= ms <= high, each bound with its reason at the call; the upper one only where time
    is counted (COUNTED_TIME): a sleep guarantees the lower bound everywhere."""
    assert ms >= low, "{} took {} ms, less than {}".format(what, ms, low)
    assert ms <= high or not COUNTED_TIME, "{} took {} ms, more than {}".format(what, ms, high)
    return ms
