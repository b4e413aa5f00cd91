# Unix test build: what upstream's standard variant freezes, our library, the hardware fakes.
include("$(PORT_DIR)/variants/manifest.py")
include("$(MPY_DIR)/extmod/asyncio")
include("../../../manifest.py")
include("../../fakes")
module("fwinfo.py", base_path="$(FWINFO_DIR)", opt=1)
