#include "ckamemory.h"

// Any libc header first: it defines __GLIBC__ on glibc.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ka_fix_mmap_threshold(void) {
#if defined(__GLIBC__)
    // Setting the threshold switches glibc's dynamic adjustment off.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}
