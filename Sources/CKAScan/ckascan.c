#include "ckascan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// SSE2 (every x86-64) compares 16 bytes at once and turns the matches into a bit mask, so a
// block without a newline costs a few instructions; the portable loop takes the rest, and all
// of it elsewhere. (Swift's SIMD types have no portable way to the mask.)
size_t ka_newline_starts(const uint8_t *bytes, size_t count, size_t *position, uint32_t *starts, size_t capacity) {
    size_t written = 0;
    size_t index = *position;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    while (index + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline));
        while (mask != 0) {
            size_t found = index + (size_t)__builtin_ctz(mask);
            if (written == capacity) {
                *position = found;
                return written;
            }
            starts[written++] = (uint32_t)(found + 1);
            mask &= mask - 1;
        }
        index += 16;
    }
#endif
    for (; index < count; index++) {
        if (bytes[index] != '\n') continue;
        if (written == capacity) {
            *position = index;
            return written;
        }
        starts[written++] = (uint32_t)(index + 1);
    }
    *position = count;
    return written;
}
