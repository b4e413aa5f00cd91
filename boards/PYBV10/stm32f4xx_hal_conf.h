#include "boards/PYBV10/stm32f4xx_hal_conf.h"
