// Qemu test build configuration: the port's, with asyncio (and its C accelerator) enabled.
#include <mpconfigport.h>

#undef MICROPY_PY_ASYNCIO
#define MICROPY_PY_ASYNCIO (1)
