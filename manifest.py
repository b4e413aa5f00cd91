# What ships in every firmware built from this repo, whatever the port: the tutorial's
# modules and everything they stand on (primitives, fastpoll, uasyncio). Each package in
# frozen/ has its own manifest, so another firmware can require() just the part it wants:
#     add_library("pyb-asyncio", "<this repo>/frozen")
#     require("primitives", library="pyb-asyncio")
# opt=1 (the packages' choice): asserts are compiled out, line numbers stay in tracebacks.
metadata(
    description="asyncio for hardware: drivers and primitives",
    version="0.1.0",
    license="MIT",
)

add_library("pyb-asyncio", "frozen")
require("tutorial", library="pyb-asyncio")
