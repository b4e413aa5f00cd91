# ruff: noqa: F821 (a manifest: MicroPython's manifest tool provides include() and module())
# The firmware for the Raspberry Pi Picos in boards/: all that upstream freezes for rp2
# (asyncio, onewire, ds18x20, dht, neopixel, the rp2 module's PIO helpers), then our library.
include("$(PORT_DIR)/boards/manifest.py")
include("../manifest.py")
module("fwinfo.py", base_path="$(FWINFO_DIR)", opt=1)
