# What ships in every firmware built from this repo, whatever the port.
# opt=1: asserts are compiled out, line numbers stay in tracebacks.
metadata(description="asyncio for hardware: drivers and primitives", version="0.1.0")

package("primitives", base_path="frozen", opt=1)
# fastpoll: the Python face of the C module _fastpoll (wait(), priority wake).
module("fastpoll.py", base_path="frozen", opt=1)
# io: the builtin io re-exported, plus the device-polling demo (lazily, from primitives).
module("io.py", base_path="frozen", opt=1)
# The tutorial's hardware modules: thin, over primitives, plus their demos.
module("aswitch.py", base_path="frozen", opt=1)
module("apoll.py", base_path="frozen", opt=1)
module("aledflash.py", base_path="frozen", opt=1)
module("astests.py", base_path="frozen", opt=1)
# The tutorial's synchronisation module, thin over primitives, and its demos; opt=0 keeps
# the asserts with which the demos check their own results.
module("asyn.py", base_path="frozen", opt=1)
module("asyntest.py", base_path="frozen", opt=0)
module("event_test.py", base_path="frozen", opt=0)
module("roundrobin.py", base_path="frozen", opt=0)
module("awaitable.py", base_path="frozen", opt=0)
module("chain.py", base_path="frozen", opt=0)
module("aqtest.py", base_path="frozen", opt=0)
# uasyncio as a package (asyncio plus the tutorial's loop and uasyncio.queues). Import finds a
# frozen package before the frozen module of the same name, so upstream's uasyncio.py alias,
# still frozen by the port's manifest, is never loaded.
package("uasyncio", base_path="frozen", opt=1)
