# Helpers shared by the test scripts (frozen into the test builds only: on qemu a script
# cannot import a file beside it).
import asyncio
import sys

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
        pin(level)
        await asyncio.sleep_ms(ms)
        if expect is not None:
            got = fakeboard.toggles()
            assert got == expect, (demo.__name__, args, got, expect)
    for t in things:
        (t.deinit if hasattr(t, "deinit") else t.cancel)()
    for led in leds:
        led.off()
    await asyncio.sleep_ms(100)  # what the demo started winds down


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
