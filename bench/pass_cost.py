# Scheduler pass cost with 10 idle devices registered with asyncio's poller: devices whose
# readiness is a Python ioctl() (stock asyncio's way), fastpoll objects, and none. Reported
# as context switches per second (as the tutorial's roundrobin counts them) and as the time
# each kind of device adds to every switch.
import asyncio
import io
import json
import sys
from time import ticks_diff, ticks_ms

import fastpoll

DEVICES = 10
RUN_MS = 1000


class IoctlDevice(io.IOBase):
    # Never ready, like an idle device; asyncio calls ioctl() on every pass.
    def __init__(self):
        self.status = 0

    def ioctl(self, req, arg):
        if req == 3:  # MP_STREAM_POLL
            return arg & 1 if self.status else 0
        return -1

    async def wait(self):
        while not self.status:
            yield asyncio.core._io_queue.queue_read(self)


async def switches_per_s(devices):
    waiters = [asyncio.create_task(d.wait()) for d in devices]
    count = 0
    stop = False

    async def switcher():
        nonlocal count
        while not stop:
            count += 1
            await asyncio.sleep(0)

    tasks = [asyncio.create_task(switcher()) for _ in range(2)]
    await asyncio.sleep(0)
    count = 0
    t0 = ticks_ms()
    await asyncio.sleep_ms(RUN_MS)
    elapsed = ticks_diff(ticks_ms(), t0)
    n = count
    stop = True
    for t in tasks + waiters:
        t.cancel()
    await asyncio.sleep(0)
    return n * 1000 / elapsed


async def main():
    none = await switches_per_s([])
    stock = await switches_per_s([IoctlDevice() for _ in range(DEVICES)])
    flags = await switches_per_s([fastpoll.Flag() for _ in range(DEVICES)])
    bits = await switches_per_s([fastpoll.Bits(bytearray(1), 1) for _ in range(DEVICES)])
    return none, stock, {"fastpoll_flag": flags, "fastpoll_bits": bits}


if sys.platform == "linux":
    # The unix port's poll() sleeps 1 ms per pass once any registered object has no file
    # descriptor, which hides the cost of the objects themselves.
    print("SKIP unix poll() waits 1 ms per pass with any non-fd object registered")
else:
    none, stock, ours = asyncio.run(main())
    what = "{} idle devices registered; roundrobin switches/s (none: {:.0f})".format(DEVICES, none)
    meta = {"name": "pass_cost", "what": what, "unit": "switches/s", "better": "higher"}
    meta.update({"baseline": "stock", "stock": round(stock)})
    meta.update({k: round(v) for k, v in ours.items()})
    print("RESULT", json.dumps(meta))
    # What the devices add to each switch, over a loop with no device registered.
    added = {"name": "pass_cost_added", "unit": "us/switch", "better": "lower"}
    added["what"] = "time {} idle devices add to each switch (goal: fastpoll <= 1/5)".format(
        DEVICES
    )
    added["baseline"] = "stock"
    added["stock"] = round(1e6 / stock - 1e6 / none, 2)
    added.update({k: round(1e6 / v - 1e6 / none, 2) for k, v in ours.items()})
    print("RESULT", json.dumps(added))
