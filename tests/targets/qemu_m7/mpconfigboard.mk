# Qemu test build as a Cortex-M7 with double-precision hardware float, like the Pyboard D SF6's
# STM32F767: QEMU's mps2-an500 machine, upstream's MPS2_AN500 flags. Everything else (config
# header, frozen manifest, irqsim) is the Cortex-M4 test build's, from ../qemu.
QEMU_ARCH = arm
QEMU_MACHINE = mps2-an500
TEST_QEMU_DIR = $(BOARD_DIR)/../qemu

CFLAGS += -mthumb -mcpu=cortex-m7 -mfloat-abi=hard -mfpu=fpv5-d16
CFLAGS += -DQEMU_SOC_MPS2 -DQEMU_MPS2_AN500
CFLAGS += -DMICROPY_HW_MCU_NAME='"Cortex-M7"'
CFLAGS += -DMP_CONFIGFILE='"$(TEST_QEMU_DIR)/mpconfigtest.h"'
QSTR_GLOBAL_DEPENDENCIES += $(TEST_QEMU_DIR)/mpconfigtest.h

LDSCRIPT = mcu/arm/mps2.ld

SRC_BOARD_O = shared/runtime/gchelper_native.o shared/runtime/gchelper_thumb2.o

MPY_CROSS_FLAGS += -march=armv7emdp

MICROPY_FLOAT_IMPL = double
SUPPORTS_HARDWARE_FP_DOUBLE = 1

FROZEN_MANIFEST = $(TEST_QEMU_DIR)/manifest.py

SRC_C += $(TEST_QEMU_DIR)/irqsim.c
