# Unix test build: our manifest plus the hardware fakes, linked with our C modules.
FROZEN_MANIFEST = $(VARIANT_DIR)/manifest.py

# No mbedtls submodule in the pinned tree we need.
MICROPY_PY_SSL = 0
