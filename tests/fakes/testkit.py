# Helpers shared by the test scripts (frozen into the test builds only: on qemu a script
# cannot import a file beside it).
import asyncio


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
