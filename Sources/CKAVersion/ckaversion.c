#include "ckaversion.h"

#ifndef KA_GIT_DESCRIBE
#define KA_GIT_DESCRIBE ""
#endif

const char *ka_git_describe(void) { return KA_GIT_DESCRIBE; }
