metadata(
    description="IRQ-to-task hand-off whose readiness asyncio checks in C (Flag, Counter, Bits)",
    version="0.1.0",
    license="MIT",
)

# Uses the C user module _fastpoll (modules/fastpoll) where the firmware has it, else its
# Python twin fastpoll.fallback.
package("fastpoll", opt=1)
module("_asyncio_internals.py", opt=1)
