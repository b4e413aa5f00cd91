# Qemu test build on a Cortex-M0, the RP2040's core family (ARMv6-M: no LDREX/STREX, no
# hardware divide): QEMU's microbit machine, an nRF51, with upstream's MICROBIT flags and its
# larger flash and SRAM. Config header and frozen manifest are the Cortex-M4 test build's, from
# ../qemu; its irqsim is not built, as it drives the MPS2's timers, which the nRF51 lacks.
QEMU_ARCH = arm
QEMU_MACHINE = microbit
QEMU_ARGS += -global nrf51-soc.flash-size=1048576 -global nrf51-soc.sram-size=262144
LDSCRIPT = mcu/arm/nrf51.ld
SRC_BOARD_O = shared/runtime/gchelper_native.o shared/runtime/gchelper_thumb1.o
CFLAGS += -mthumb -mcpu=cortex-m0 -mfloat-abi=soft -DQEMU_SOC_NRF51
CFLAGS += -DMICROPY_HW_MCU_NAME='"Cortex-M0"'
MPY_CROSS_FLAGS += -march=armv6m

# The test configuration: asyncio on, atomic sections that mask interrupts (PRIMASK, which
# the M0 has), our library and the fakes frozen.
TEST_QEMU_DIR = $(BOARD_DIR)/../qemu
CFLAGS += -DMP_CONFIGFILE='"$(TEST_QEMU_DIR)/mpconfigtest.h"'
QSTR_GLOBAL_DEPENDENCIES += $(TEST_QEMU_DIR)/mpconfigtest.h
FROZEN_MANIFEST = $(TEST_QEMU_DIR)/manifest.py
