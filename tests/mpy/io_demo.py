# io.py: the builtin io, still whole, plus the device-polling demo loaded on first use.
import io
import sys

assert "iodemo" not in sys.modules  # `import io` stays cheap
import asyncio  # noqa: E402
from asyncio import core  # noqa: E402

import uctypes  # noqa: E402
import uio  # noqa: E402
from testkit import times_out  # noqa: E402

assert io is not uio and io.IOBase is uio.IOBase and io.BytesIO is uio.BytesIO
assert io.BytesIO(b"ab").read() == b"ab" and io.StringIO("x").getvalue() == "x"
tsf = asyncio.ThreadSafeFlag()  # asyncio's own `import io` gets IOBase from ours
assert isinstance(tsf, io.IOBase)
try:
    io.NoSuchThing
    raise AssertionError("unknown name found")
except AttributeError:
    pass

# The demo, both drivers reading one simulated device.
got = io.run(b"demo", period_ms=5)
assert got == {"Reader": list(b"demo"), "IoctlReader": list(b"demo")}, got
assert "iodemo" in sys.modules


async def drivers(status, mask):
    data = []

    def read():
        status[0] = 0  # reading clears the ready bit, as a UART data register read does
        return len(data)

    target = uctypes.addressof(status) if isinstance(status, bytearray) else status
    for cls in (io.Reader, io.IoctlReader):
        drv = cls(target, mask, read)
        # Not ready: the read waits, and a timeout cancels it cleanly.
        await times_out(drv.read())
        assert not core._io_queue.map
        task = asyncio.create_task(drv.read())
        await asyncio.sleep_ms(5)
        assert not task.done()
        status[0] = mask
        data.append(await task)
        assert status[0] == 0
    return data


# The status word as a buffer and as an address (a register on the Pyboard).
reg = bytearray(4)
assert asyncio.run(drivers(reg, 0x40)) == [0, 1]
assert asyncio.run(drivers(memoryview(reg), 0x02)) == [0, 1]
print("io ok")
