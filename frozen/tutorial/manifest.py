metadata(
    description="The modules of the tutorial 'Application of uasyncio to hardware interfaces'",
    version="0.1.0",
    license="MIT",
)

require("primitives", library="pyb-asyncio")
require("uasyncio", library="pyb-asyncio")

# io: the builtin io re-exported, plus the device-polling demo (loaded lazily).
module("io.py", opt=1)
module("iodemo.py", opt=1)
# Hardware modules: thin, over primitives, plus their demos.
module("aswitch.py", opt=1)
module("apoll.py", opt=1)
module("aledflash.py", opt=1)
module("astests.py", opt=1)
module("auart.py", opt=1)
# Synchronisation, thin over primitives, and its demos; opt=0 keeps the asserts with which
# the demos check their own results.
module("asyn.py", opt=1)
module("asyntest.py", opt=0)
module("event_test.py", opt=0)
module("roundrobin.py", opt=0)
module("awaitable.py", opt=0)
module("chain.py", opt=0)
module("aqtest.py", opt=0)
