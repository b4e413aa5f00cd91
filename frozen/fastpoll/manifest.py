metadata(
    description="IRQ-to-task hand-off whose readiness asyncio checks in C (Flag, Counter, Bits)",
    version="0.1.0",
    license="MIT",
)

# Needs the C user module _fastpoll (modules/fastpoll) in the firmware.
module("fastpoll.py", opt=1)
module("_asyncio_internals.py", opt=1)
