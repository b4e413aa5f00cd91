# What ships in every firmware built from this repo, whatever the port.
# opt=1: asserts are compiled out, line numbers stay in tracebacks.
metadata(description="asyncio for hardware: drivers and primitives", version="0.1.0")

package("primitives", base_path="frozen", opt=1)
# fastpoll: the Python face of the C module _fastpoll (wait(), priority wake).
module("fastpoll.py", base_path="frozen", opt=1)
# The tutorial's hardware modules: thin, over primitives, plus their demos.
module("aswitch.py", base_path="frozen", opt=1)
