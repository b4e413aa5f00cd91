metadata(
    description="asyncio primitives and hardware drivers under micropython-async v3 names",
    version="0.1.0",
    license="MIT",
)

require("fastpoll", library="pyb-asyncio")
package("primitives", opt=1)
