# Everything upstream freezes for the Pyboard (asyncio among it), then our library.
include("$(PORT_DIR)/boards/manifest.py")
include("$(PORT_DIR)/boards/manifest_pyboard.py")
include("$(BOARD_DIR)/../../manifest.py")
