# Upstream's RPI_PICO board (RP2040), built with our frozen manifest; the C modules come in
# through USER_C_MODULES (modules/micropython.cmake).
include(${MICROPY_PORT_DIR}/boards/RPI_PICO/mpconfigboard.cmake)
set(MICROPY_FROZEN_MANIFEST ${MICROPY_BOARD_DIR}/../manifest_rp2.py)
