# Qemu test build: a Cortex-M4F with single-precision hardware float, like the Pyboard's
# STM32F405. QEMU's mps2-an386 machine is an MPS2 with a Cortex-M4; the MPS2 peripherals
# and memory map are those of upstream's MPS2_AN385 board, so its linker script serves.
QEMU_ARCH = arm
QEMU_MACHINE = mps2-an386

CFLAGS += -mthumb -mcpu=cortex-m4 -mfloat-abi=hard -mfpu=fpv4-sp-d16
CFLAGS += -DQEMU_SOC_MPS2
CFLAGS += -DMICROPY_HW_MCU_NAME='"Cortex-M4F"'
# The port hard-codes MICROPY_PY_ASYNCIO (0); this header, read instead of
# mpconfigport.h, turns the C _asyncio accelerator on as on the Pyboard.
CFLAGS += -DMP_CONFIGFILE='"$(BOARD_DIR)/mpconfigtest.h"'
# Its features name qstrs (machine.disable_irq): a change must re-extract them all.
QSTR_GLOBAL_DEPENDENCIES += $(BOARD_DIR)/mpconfigtest.h

LDSCRIPT = mcu/arm/mps2.ld

SRC_BOARD_O = shared/runtime/gchelper_native.o shared/runtime/gchelper_thumb2.o

MPY_CROSS_FLAGS += -march=armv7emsp

MICROPY_FLOAT_IMPL = float
SUPPORTS_HARDWARE_FP_SINGLE = 1

FROZEN_MANIFEST = $(BOARD_DIR)/manifest.py

# irqsim: real timer interrupts for the tests, built here and nowhere else (USER_C_MODULES
# is the firmware's module set; this board's sources never reach a firmware).
SRC_C += $(BOARD_DIR)/irqsim.c
