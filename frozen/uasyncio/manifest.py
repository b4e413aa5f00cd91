metadata(
    description="uasyncio: asyncio plus the tutorial-era event loop API and uasyncio.queues",
    version="0.1.0",
    license="MIT",
)

require("primitives", library="pyb-asyncio")
# A frozen package is found before the frozen module of the same name, so upstream's
# uasyncio.py alias, still frozen by the port's manifest, is never loaded.
package("uasyncio", opt=1)
