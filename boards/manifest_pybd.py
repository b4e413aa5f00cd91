# ruff: noqa: F821 (a manifest: MicroPython's manifest tool provides include() and module())
# The firmware for the Pyboard D-series: all that upstream freezes for it (asyncio, lcd160cr,
# the networking bundle for its WiFi), then our library.
include("$(PORT_DIR)/boards/PYBD_SF2/manifest.py")
include("../manifest.py")
module("fwinfo.py", base_path="$(FWINFO_DIR)", opt=1)
