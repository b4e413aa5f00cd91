#include "boards/PYBV11/stm32f4xx_hal_conf.h"
