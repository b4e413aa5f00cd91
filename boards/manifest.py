# The firmware for every Pyboard in boards/: all that upstream freezes for the Pyboard
# (asyncio, lcd160cr, ...), then our library.
include("$(PORT_DIR)/boards/manifest.py")
include("$(PORT_DIR)/boards/manifest_pyboard.py")
include("../manifest.py")
module("fwinfo.py", base_path="$(FWINFO_DIR)", opt=1)
