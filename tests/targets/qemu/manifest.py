# Qemu test build: asyncio (off in the port), our library, the hardware fakes.
include("$(MPY_DIR)/extmod/asyncio")
include("../../../manifest.py")
include("../../fakes")
module("fwinfo.py", base_path="$(FWINFO_DIR)", opt=1)
module("irqkit.py", opt=0)  # helpers for tests/mpy_qemu, which need irqsim
