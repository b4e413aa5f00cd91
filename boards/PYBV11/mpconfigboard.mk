# Upstream's PYBV11 board, built with our frozen manifest (and our C modules via USER_C_MODULES).
include $(TOP)/ports/stm32/boards/PYBV11/mpconfigboard.mk

# Upstream uses ?= here; a plain = makes ours win.
FROZEN_MANIFEST = $(BOARD_DIR)/../manifest.py
