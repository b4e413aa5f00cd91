# Upstream's board of the same name (WiFi, Bluetooth, TLS), built with our frozen manifest
# (and our C modules via USER_C_MODULES).
include $(TOP)/ports/stm32/boards/PYBD_SF2/mpconfigboard.mk

# Upstream uses ?= here; a plain = makes ours win.
FROZEN_MANIFEST = $(BOARD_DIR)/../manifest_pybd.py

# Upstream's layout overflows the 480 KiB FLASH_APP; the frozen Python goes to QSPI instead.
LD_FILES = $(BOARD_DIR)/../PYBD_SF2/f722_qspi_frozen.ld
