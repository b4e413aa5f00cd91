# pyb-asyncio: custom Pyboard firmware with asyncio drivers and primitives frozen in.
#
#   make firmware [BOARD=PYBV11]   build build/<BOARD>/firmware.{dfu,hex,elf} (rp2: .uf2, .elf)
#   make boards                    build the firmware for every board in boards/
#   make test                      build the test targets and run every test (pytest)
#   make test-board [PORT=...]     the board suite on a Pyboard (PORT=qemu: on the qemu build)
#   make deploy [BOARD=PYBV11]     verify the .dfu, then flash it with dfu-util (rp2: verify
#                                  the .uf2, then copy it to the Pico's USB drive)
#   make info [BOARD=PYBV11]       what is inside the built firmware
#   make bench                     benchmarks against stock asyncio (not tests), into
#                                  docs/benchmarks.md
#   make package.json              the mip lists for stock firmware, from the manifests
#   make maps                      fastpoll's Python memory maps, from modules/fastpoll/maps/
#   make stock-unix                stock MicroPython (unix port), for the stock-firmware tests
#   make pyb-emu                   the PYBV11 firmware for QEMU's STM32F405 (netduinoplus2)
#   make pyb-emu-stock             stock PYBV11 for the same emulator
#   make test-upstream             upstream's basics, micropython, extmod tests on pyb-emu
#
# MicroPython is an external, pinned dependency: this is the one place its tag is set.
MPY_TAG := v1.28.0
MPY_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/micropython/$(MPY_TAG)
export MPY_DIR MPY_TAG

BOARD ?= PYBV11
# stm32 boards are configured by make (mpconfigboard.mk), rp2 boards by cmake
# (mpconfigboard.cmake): the file says which port builds the board.
STM32_BOARDS := $(patsubst boards/%/mpconfigboard.mk,%,$(wildcard boards/*/mpconfigboard.mk))
RP2_BOARDS := $(patsubst boards/%/mpconfigboard.cmake,%,$(wildcard boards/*/mpconfigboard.cmake))
BOARDS := $(STM32_BOARDS) $(RP2_BOARDS)
BOARD_PORT := $(if $(filter $(BOARD),$(RP2_BOARDS)),rp2,stm32)
BUILD_ROOT ?= build
PYTHON ?= python3
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

TOP_DIR := $(CURDIR)
BUILD_DIR := $(abspath $(BUILD_ROOT))
MPY_CROSS := $(BUILD_DIR)/mpy-cross/mpy-cross
UNIX_BIN := $(BUILD_DIR)/test-unix/micropython
QEMU_ELF := $(BUILD_DIR)/test-qemu/firmware.elf

# Reproducible builds: the build date is the commit's, and no absolute path reaches the image.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
REPRO_CFLAGS := -ffile-prefix-map=$(TOP_DIR)=. -ffile-prefix-map=$(MPY_DIR)=micropython \
	-ffile-prefix-map=$(BUILD_DIR)=build

# $(call port_build,WHAT,PORT,BUILD-NAME,BOARD-NAME,MAKE-ARGS): one out-of-tree port build.
# fwinfo.py (what a firmware is) is generated per build; the manifests freeze it from
# $(FWINFO_DIR).
define port_build
	@$(PYTHON) scripts/genfwinfo.py --tag $(MPY_TAG) --board $(4) --out $(BUILD_DIR)/$(3)/gen
	$(call port_make,$(1),$(2),$(3),$(5))
endef

# The stm32 port reads pins.csv from BOARD_DIR only, and upstream's is used as it is, neither
# copied nor written into boards/: the port sees a mirror of our board folders, symlinks under
# the build's own folder, with upstream's pins.csv linked in. Mirrored whole (boards/,
# tests/targets/, manifest.py, frozen/), so the folders' relative paths to each other hold.
# $(call stm32_src,BUILD-NAME,FOLDER,UPSTREAM-BOARD) makes it; the port's BOARD_DIR is then
# $(BUILD_DIR)/BUILD-NAME/boardsrc/FOLDER.
define stm32_src
	@rm -rf $(BUILD_DIR)/$(1)/boardsrc && mkdir -p $(BUILD_DIR)/$(1)/boardsrc/tests \
		&& cp -as $(TOP_DIR)/boards $(BUILD_DIR)/$(1)/boardsrc/boards \
		&& cp -as $(TOP_DIR)/tests/targets $(BUILD_DIR)/$(1)/boardsrc/tests/targets \
		&& ln -s $(TOP_DIR)/manifest.py $(TOP_DIR)/frozen $(BUILD_DIR)/$(1)/boardsrc/ \
		&& ln -s $(MPY_DIR)/ports/stm32/boards/$(3)/pins.csv $(BUILD_DIR)/$(1)/boardsrc/$(2)/
endef

# $(call port_make,WHAT,PORT,BUILD-NAME,MAKE-ARGS): the port's make alone.
define port_make
	@$(PYTHON) scripts/portmake.py $(1) -C "$(MPY_DIR)/ports/$(2)" -j$(JOBS) \
		BUILD=$(BUILD_DIR)/$(3) MICROPY_MPYCROSS=$(MPY_CROSS) USER_C_MODULES=$(TOP_DIR)/modules \
		MICROPY_MANIFEST_FWINFO_DIR=$(BUILD_DIR)/$(3)/gen CFLAGS_EXTRA="$(REPRO_CFLAGS)" $(4)
endef

.PHONY: all firmware boards test-boards qemu-m7 deploy info test test-board test-targets unix qemu stock-unix bench \
	tree mpy-cross clean FORCE \
	package.json maps check-board check-tools-firmware check-tools-firmware-rp2 check-tools-test \
	check-tools-deploy \
	check-tools-bench check-tools-board

all: firmware

check-board:
	@$(if $(filter $(BOARD),$(BOARDS)),true,\
		echo "error: unknown BOARD '$(BOARD)'; boards: $(BOARDS)" >&2; false)

# Named, not a pattern rule: make never applies pattern rules to .PHONY targets.
check-tools-firmware check-tools-firmware-rp2 check-tools-test check-tools-deploy \
check-tools-bench check-tools-board:
	@$(PYTHON) scripts/checktools.py $(@:check-tools-%=%)

tree:
	@$(PYTHON) scripts/mpytree.py --dir "$(MPY_DIR)" --tag $(MPY_TAG) --board $(BOARD)

# mpy-cross is built once per build root: its sources are the pinned tree's, which never change.
mpy-cross: tree $(MPY_CROSS)

$(MPY_CROSS):
	@$(PYTHON) scripts/portmake.py mpy-cross -C "$(MPY_DIR)/mpy-cross" -j$(JOBS) BUILD=$(BUILD_DIR)/mpy-cross

# The firmware is remade only when something it is made from is newer than it: the port's own
# make takes 0.6 s (six Python runs) even when it has nothing to do. Its inputs: our sources, the
# generated fwinfo.py (rewritten only when its text changes) and the port's command line
# (firmware.args, rewritten only when it changes, e.g. another MPY_DIR or rp2's cmake
# arguments, which then configure its build folder anew). The pinned tree itself
# is never edited. A firmware that fails the flash check is made older than its inputs, so the
# next make checks it again.
FIRMWARE := $(BUILD_DIR)/$(BOARD)/firmware.$(if $(filter rp2,$(BOARD_PORT)),uf2,dfu)
FIRMWARE_GEN := $(BUILD_DIR)/$(BOARD)/gen/fwinfo.py
FIRMWARE_ARGS := $(BUILD_DIR)/$(BOARD)/firmware.args
FIRMWARE_ARGS_TEXT = $(MPY_DIR) $(MPY_TAG) $(MPY_CROSS) $(REPRO_CFLAGS)$(if \
	$(filter rp2,$(BOARD_PORT)), $(RP2_CMAKE_ARGS))
FIRMWARE_INPUTS = Makefile manifest.py $(shell find boards frozen modules -type f) \
	scripts/hostlib/portmake.py scripts/hostlib/firmwareinfo.py \
	scripts/hostlib/flashmap.py $(FIRMWARE_GEN) $(FIRMWARE_ARGS)

firmware: check-board check-tools-$(if $(filter rp2,$(BOARD_PORT)),firmware-rp2,firmware) \
	mpy-cross $(FIRMWARE)

ifeq ($(BOARD_PORT),stm32)
$(FIRMWARE): $(FIRMWARE_INPUTS)
	$(call stm32_src,$(BOARD),boards/$(BOARD),$(BOARD))
	$(call port_make,firmware,stm32,$(BOARD),BOARD_DIR=$(BUILD_DIR)/$(BOARD)/boardsrc/boards/$(BOARD))
	@$(PYTHON) scripts/firmwareinfo.py check --board $(BOARD) --build $(BUILD_DIR)/$(BOARD) \
		|| { touch -d @0 $@; exit 1; }
	@touch $@
else
# rp2: the port's Makefile wraps cmake and configures a build folder only once, so a changed
# command line (firmware.args) removes the old configuration first. USER_C_MODULES names a
# cmake file (modules/micropython.cmake); the manifest's variables are cmake's
# MICROPY_MANIFEST_*. pico-sdk would fetch and build picotool for the .uf2 (network):
# PICO_NO_PICOTOOL=1 skips it and the tree's tools/uf2conv.py makes the .uf2 from the .hex.
# On the RP2040 (Cortex-M0+) our C modules' objects are checked for ARMv6-M instructions only.
RP2_FAMILY := $(if $(filter RPI_PICO2,$(BOARD)),0xe48bff59,0xe48bff56)
# Upstream's pins.csv is named to cmake, as it is (MICROPY_BOARD_PINS), not copied.
RP2_CMAKE_ARGS := -DPICO_NO_PICOTOOL=1 \
	-DMICROPY_BOARD_PINS=$(MPY_DIR)/ports/rp2/boards/$(BOARD)/pins.csv \
	-DMICROPY_MANIFEST_FWINFO_DIR=$(BUILD_DIR)/$(BOARD)/gen
$(FIRMWARE): $(FIRMWARE_INPUTS)
	@if [ $(FIRMWARE_ARGS) -nt $(BUILD_DIR)/$(BOARD)/Makefile ]; then \
		rm -f $(BUILD_DIR)/$(BOARD)/Makefile $(BUILD_DIR)/$(BOARD)/CMakeCache.txt; fi
	@CMAKE_ARGS="$(RP2_CMAKE_ARGS)" $(PYTHON) scripts/portmake.py firmware \
		-C "$(MPY_DIR)/ports/rp2" -j$(JOBS) BOARD_DIR=$(TOP_DIR)/boards/$(BOARD) \
		BUILD=$(BUILD_DIR)/$(BOARD) MICROPY_MPYCROSS=$(MPY_CROSS) \
		USER_C_MODULES=$(TOP_DIR)/modules/micropython.cmake
	@$(PYTHON) "$(MPY_DIR)/tools/uf2conv.py" -c -f $(RP2_FAMILY) \
		-o $(BUILD_DIR)/$(BOARD)/firmware.uf2.tmp $(BUILD_DIR)/$(BOARD)/firmware.hex >/dev/null
	@mv $(BUILD_DIR)/$(BOARD)/firmware.uf2.tmp $@
	$(if $(filter RPI_PICO,$(BOARD)),@$(PYTHON) scripts/armv6m.py $$(find \
		$(BUILD_DIR)/$(BOARD)/CMakeFiles -path '*$(TOP_DIR)/modules/*' -name '*.o') \
		|| { touch -d @0 $@; exit 1; })
	@$(PYTHON) scripts/firmwareinfo.py check --board $(BOARD) --build $(BUILD_DIR)/$(BOARD) \
		|| { touch -d @0 $@; exit 1; }
	@touch $@
endif

$(FIRMWARE_GEN): FORCE
	@$(PYTHON) scripts/genfwinfo.py --tag $(MPY_TAG) --board $(BOARD) --out $(@D)

$(FIRMWARE_ARGS): FORCE
	@mkdir -p $(@D)
	@echo '$(FIRMWARE_ARGS_TEXT)' | cmp -s - $@ || echo '$(FIRMWARE_ARGS_TEXT)' > $@

FORCE:

boards:
	@for board in $(BOARDS); do $(MAKE) --no-print-directory firmware BOARD=$$board || exit 1; done

unix: check-tools-test mpy-cross
	$(call port_build,unix,unix,test-unix,unix,VARIANT_DIR=$(TOP_DIR)/tests/targets/unix)

qemu: check-tools-test mpy-cross
	$(call port_build,qemu,qemu,test-qemu,TEST_M4,BOARD=TEST_M4 BOARD_DIR=$(TOP_DIR)/tests/targets/qemu)

# The PYBV11 firmware on an emulated STM32F405 (QEMU -M netduinoplus2): our boards/PYBV11 with
# only the emulator delta of tests/targets/pyb-emu (docs/pyb-emu.md).
.PHONY: pyb-emu
PYB_EMU_ELF := $(BUILD_DIR)/test-pyb-emu/firmware.elf
pyb-emu: check-tools-test mpy-cross
	$(call stm32_src,test-pyb-emu,tests/targets/pyb-emu,PYBV11)
	$(call port_build,pyb-emu,stm32,test-pyb-emu,PYBV11-emu,BOARD_DIR=$(BUILD_DIR)/test-pyb-emu/boardsrc/tests/targets/pyb-emu)

# Stock PYBV11 (upstream's, nothing of ours) with the same emulator delta: the stock-firmware
# tests on the emulated board.
.PHONY: pyb-emu-stock
PYB_EMU_STOCK_ELF := $(BUILD_DIR)/stock-pyb-emu/firmware.elf
pyb-emu-stock: check-tools-test mpy-cross
	$(call stm32_src,stock-pyb-emu,tests/targets/pyb-emu-stock,PYBV11)
	@$(PYTHON) scripts/portmake.py pyb-emu-stock -C "$(MPY_DIR)/ports/stm32" -j$(JOBS) \
		BUILD=$(BUILD_DIR)/stock-pyb-emu MICROPY_MPYCROSS=$(MPY_CROSS) \
		BOARD_DIR=$(BUILD_DIR)/stock-pyb-emu/boardsrc/tests/targets/pyb-emu-stock

# Upstream's own suite (basics, micropython, extmod) on the emulated PYBV11, every exclusion
# named with its reason in scripts/upstreamtests.py; make test runs a quick part of it.
.PHONY: test-upstream
test-upstream: pyb-emu
	@$(PYTHON) scripts/upstreamtests.py --elf $(PYB_EMU_ELF) --results $(BUILD_DIR)/upstream-tests

# The same test build as a Cortex-M7 with double-precision float (the Pyboard D's core):
# tests/host/test_mpy_m7.py builds it itself.
qemu-m7: check-tools-test mpy-cross
	$(call port_build,qemu-m7,qemu,test-qemu-m7,TEST_M7,BOARD=TEST_M7 BOARD_DIR=$(TOP_DIR)/tests/targets/qemu_m7)

# The same test build on a Cortex-M0 (QEMU's microbit, an nRF51): tests/host/test_mpy_m0.py.
.PHONY: qemu-m0
qemu-m0: check-tools-test mpy-cross
	$(call port_build,qemu-m0,qemu,test-qemu-m0,TEST_M0,BOARD=TEST_M0 BOARD_DIR=$(TOP_DIR)/tests/targets/qemu_m0)

test-targets: unix qemu firmware

# Stock MicroPython for the unix port, nothing of ours in it: the stock-firmware (mip) tests.
stock-unix: check-tools-test mpy-cross
	@$(PYTHON) scripts/portmake.py stock-unix -C "$(MPY_DIR)/ports/unix" -j$(JOBS) \
		BUILD=$(BUILD_DIR)/stock-unix MICROPY_MPYCROSS=$(MPY_CROSS) MICROPY_PY_SSL=0

# Everything the tests build is built first, once: the pytest workers (TEST_JOBS of them,
# pytest-xdist) then find it made, instead of one waiting for another's build. Every test is
# safe beside another (own temp folders, free ports, one lock on build/ for make).
# pytest-benchmark, where installed, only warns that xdist disables it. Twice as many workers as
# cores: most tests spend their time waiting (a unix script's asyncio sleeps, an emulator's
# start), and every test is written to pass on a busy machine.
TEST_JOBS ?= $(shell echo $$(( 2 * $(JOBS) )))
# The boards make test builds (tests/host/test_boards.py): PYBV11 and the two-region PYBD_SF2;
# make boards builds the other four too (make test stays within 15 minutes on 2 cores).
TEST_BOARDS := PYBD_SF2 PYBV11
# The builds share nothing once mpy-cross is made, so make runs JOBS of them side by side: one
# build's serial steps (qstr scans, frozen bytecode, linking) then overlap another's compiling.
# Longest first (PYBD_SF2 takes 250 CPU-s, a qemu build 40), so that none runs alone at the end.
TEST_BUILDS := $(TEST_BOARDS:%=firmware-%) pyb-emu pyb-emu-stock unix stock-unix qemu qemu-m7 \
	qemu-m0
.PHONY: test-builds $(TEST_BOARDS:%=firmware-%)
test-builds: check-tools-test mpy-cross
	@$(MAKE) --no-print-directory -j$(JOBS) --output-sync=target $(TEST_BUILDS)

$(TEST_BOARDS:%=firmware-%):
	@$(MAKE) --no-print-directory firmware BOARD=$(@:firmware-%=%)

test-boards: check-tools-test mpy-cross
	@$(MAKE) --no-print-directory -j$(JOBS) --output-sync=target $(TEST_BOARDS:%=firmware-%)

test: test-builds
	@$(PYTHON) -m pytest -n $(TEST_JOBS) --dist worksteal -p no:benchmark tests/host

# The board suite (tests/board) over the raw REPL: on a Pyboard running this commit's firmware
# (wire X1 to X2), or with PORT=qemu on the qemu test build, through the same code.
PORT ?= /dev/ttyACM0
test-board: check-board check-tools-board $(if $(filter qemu,$(PORT)),qemu)
	@$(PYTHON) scripts/boardtest.py --port $(PORT) --board $(BOARD) --build $(BUILD_DIR)
test-board: $(if $(filter pyb-emu,$(PORT)),pyb-emu)

info: check-board
	@$(PYTHON) scripts/firmwareinfo.py report --board $(BOARD) --build $(BUILD_DIR)/$(BOARD)

# DEPLOY_ARGS=--yes resets an attached board into DFU mode without asking.
# A Pico needs no dfu-util: its .uf2 is copied to the boot ROM's USB drive.
deploy: check-board $(if $(filter stm32,$(BOARD_PORT)),check-tools-deploy)
	@$(PYTHON) scripts/deploy.py --board $(BOARD) $(DEPLOY_ARGS) $(FIRMWARE)

# The mip lists for stock firmware (package.json, fastpoll/primitives/uasyncio.json) are made
# from the manifests; the tests check them.
package.json: tree
	@$(PYTHON) scripts/genpackage.py --mpy-dir "$(MPY_DIR)" $(if $(PACKAGE_CHECK),--check)

# The Python fallback's memory maps (frozen/fastpoll/fastpoll/_maps.py) are made from the C
# module's, one file per chip in modules/fastpoll/maps/; a test checks them.
maps:
	@$(PYTHON) scripts/genmaps.py

bench: check-tools-bench unix qemu
	@$(PYTHON) bench/report.py --unix $(UNIX_BIN) --qemu $(QEMU_ELF) --pyb-emu $(PYB_EMU_ELF) \
		--out $(BUILD_DIR)/bench --doc docs/benchmarks.md
bench: pyb-emu

clean:
	rm -rf $(BUILD_DIR)
