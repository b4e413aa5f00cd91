#include "boards/PYBD_SF6/stm32f7xx_hal_conf.h"
