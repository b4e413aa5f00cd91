# Emulated PYBV11 (QEMU -M netduinoplus2, an STM32F405): our boards/PYBV11 as it is, with the
# emulator delta in mpconfigboard.h and pyb_emu.c. Same frozen manifest, same C modules.
include $(BOARD_DIR)/../../../boards/PYBV11/mpconfigboard.mk

# Ours sets it relative to its own BOARD_DIR; this board sits elsewhere.
FROZEN_MANIFEST = $(BOARD_DIR)/../../../boards/manifest.py
