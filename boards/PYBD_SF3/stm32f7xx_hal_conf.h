#include "boards/PYBD_SF3/stm32f7xx_hal_conf.h"
