metadata(
    description="Hinch's micropython-async v3 threadsafe package: ThreadSafeEvent, "
    "ThreadSafeQueue, Message",
    version="0.1.0",
    license="MIT",
)

require("fastpoll", library="pyb-asyncio")
package("threadsafe", opt=1)
