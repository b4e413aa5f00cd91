# What the firmware ships imports, and says what it is.
import sys

import fwinfo

for name in ("asyncio", "uasyncio", "uasyncio.queues", "fastpoll", "primitives",
             "primitives.barrier", "primitives.condition", "primitives.delay_ms",
             "primitives.ebutton", "primitives.encoder", "primitives.eswitch", "primitives.events",
             "primitives.lock",
             "primitives.pushbutton", "primitives.queue", "primitives.ringbuf_queue",
             "primitives.semaphore", "primitives.switch", "aledflash", "apoll", "aqtest",
             "astests", "aswitch", "asyn", "asyntest", "auart", "awaitable", "chain",
             "event_test", "io", "roundrobin"):
    __import__(name)
assert fwinfo.micropython == "v%d.%d.%d" % sys.implementation.version[:3], fwinfo.micropython
print("REPORT firmware", fwinfo.summary())
