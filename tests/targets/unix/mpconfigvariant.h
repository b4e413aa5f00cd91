// Unix test build: upstream's standard variant; our modules come from the manifest and USER_C_MODULES.
#include "variants/standard/mpconfigvariant.h"
