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
