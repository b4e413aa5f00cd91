# Stock PYBV11 on the emulator: upstream's board, nothing of ours (its own frozen manifest, no
# C user modules), plus the emulator delta (../pyb-emu/emu_delta.h, pyb_emu.c).
include $(TOP)/ports/stm32/boards/PYBV11/mpconfigboard.mk
