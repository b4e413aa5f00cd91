// The emulated board's SystemClock_Config, the same as pyb-emu's.
#include "../pyb-emu/pyb_emu.c"
