# Upstream's RPI_PICO2 board (RP2350, its Arm cores), built with our frozen manifest; the C
# modules come in through USER_C_MODULES (modules/micropython.cmake). Upstream's variant file
# picks the platform; a board in another folder must include it itself.
include(${MICROPY_PORT_DIR}/boards/RPI_PICO2/mpconfigboard.cmake)
include(${MICROPY_PORT_DIR}/boards/RPI_PICO2/mpconfigvariant.cmake)
set(MICROPY_FROZEN_MANIFEST ${MICROPY_BOARD_DIR}/../manifest_rp2.py)
