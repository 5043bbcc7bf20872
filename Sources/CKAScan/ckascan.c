#include "ckascan.h"

#include <string.h>

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

// The bytes `SimpleFindingsScan` stops at, and the blanks between words, as bit masks of 64 bytes.
static inline uint64_t ka_mask16(const uint8_t *bytes, int special) {
#if defined(__SSE2__)
    __m128i block = _mm_loadu_si128((const __m128i *)bytes);
    __m128i hit;
    if (special) {
        __m128i lineEnds = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\r')));
        __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('!')), _mm_cmpeq_epi8(block, _mm_set1_epi8('"')));
        __m128i escapes = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('#')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\\')));
        __m128i braces = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('{')), _mm_cmpeq_epi8(block, _mm_set1_epi8('}')));
        __m128i nul = _mm_cmpeq_epi8(block, _mm_setzero_si128());
        hit = _mm_or_si128(_mm_or_si128(_mm_or_si128(lineEnds, marks), _mm_or_si128(escapes, braces)), nul);
    } else {
        hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\t'))),
                           _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('\v')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\f'))));
    }
    return (uint64_t)(unsigned)_mm_movemask_epi8(hit);
#else
    uint64_t mask = 0;
    for (int index = 0; index < 16; index++) {
        uint8_t byte = bytes[index];
        int hit = special ? (byte == 0 || byte == '\n' || byte == '\r' || byte == '!' || byte == '"' || byte == '#' || byte == '\\' || byte == '{' || byte == '}')
                          : (byte == ' ' || byte == '\t' || byte == '\v' || byte == '\f');
        mask |= (uint64_t)(hit != 0) << index;
    }
    return mask;
#endif
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define KA_HAVE_AVX2_PATH 1

// Both classes from two 16-entry tables, by the low and the high four bits of each byte: a
// byte's bits are LOW[byte & 15] & HIGH[byte >> 4]. One bit per group of bytes that share
// their high four bits: 0x01 NUL LF CR, 0x02 TAB VT FF, 0x04 ! " #, 0x08 space, 0x10 \,
// 0x20 { }. Bytes of 0x80 and above have no bits (their high nibble's entry is 0).
#define KA_SPECIAL_BITS 0x35
#define KA_BLANK_BITS 0x0A

__attribute__((target("avx2"))) static void ka_scan_masks_avx2(const uint8_t *bytes, uint64_t *special, uint64_t *blank) {
    const __m256i low = _mm256_setr_epi8(
        0x09, 0x04, 0x04, 0x04, 0, 0, 0, 0, 0, 0x02, 0x01, 0x22, 0x12, 0x21, 0, 0,
        0x09, 0x04, 0x04, 0x04, 0, 0, 0, 0, 0, 0x02, 0x01, 0x22, 0x12, 0x21, 0, 0);
    const __m256i high = _mm256_setr_epi8(
        0x03, 0, 0x0C, 0, 0, 0x10, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0,
        0x03, 0, 0x0C, 0, 0, 0x10, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i zero = _mm256_setzero_si256();
    uint64_t specials = 0, blanks = 0;
    for (int offset = 0; offset < 64; offset += 32) {
        __m256i block = _mm256_loadu_si256((const __m256i *)(bytes + offset));
        __m256i lowBits = _mm256_shuffle_epi8(low, _mm256_and_si256(block, nibble));
        __m256i highBits = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(block, 4), nibble));
        __m256i bits = _mm256_and_si256(lowBits, highBits);
        uint32_t notSpecial = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(bits, _mm256_set1_epi8(KA_SPECIAL_BITS)), zero));
        uint32_t notBlank = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(bits, _mm256_set1_epi8(KA_BLANK_BITS)), zero));
        specials |= (uint64_t)(uint32_t)~notSpecial << offset;
        blanks |= (uint64_t)(uint32_t)~notBlank << offset;
    }
    *special = specials;
    *blank = blanks;
}

static int ka_has_avx2(void) {
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return known;
}
#endif

// Short blocks (the end of a file) are read from a copy padded with blanks, which stop nothing
// and start no word.
#define KA_PADDED(bytes, count)                      \
    uint8_t padded[64];                              \
    if ((count) < 64) {                              \
        memset(padded, ' ', sizeof padded);          \
        memcpy(padded, (bytes), (count));            \
        (bytes) = padded;                            \
    }

void ka_scan_masks_baseline(const uint8_t *bytes, size_t count, uint64_t *special, uint64_t *blank) {
    KA_PADDED(bytes, count)
    uint64_t specials = 0, blanks = 0;
    for (int offset = 0; offset < 64; offset += 16) {
        specials |= ka_mask16(bytes + offset, 1) << offset;
        blanks |= ka_mask16(bytes + offset, 0) << offset;
    }
    *special = specials;
    *blank = blanks;
}

void ka_scan_masks(const uint8_t *bytes, size_t count, uint64_t *special, uint64_t *blank) {
#if defined(KA_HAVE_AVX2_PATH)
    if (ka_has_avx2()) {
        KA_PADDED(bytes, count)
        ka_scan_masks_avx2(bytes, special, blank);
        return;
    }
#endif
    ka_scan_masks_baseline(bytes, count, special, blank);
}

size_t ka_scan_mask_blocks(const uint8_t *bytes, size_t count, uint64_t *special, uint64_t *blank, size_t capacity) {
    size_t blocks = 0;
#if defined(KA_HAVE_AVX2_PATH)
    if (ka_has_avx2()) {
        for (; blocks < capacity && (blocks + 1) * 64 <= count; blocks++) {
            ka_scan_masks_avx2(bytes + blocks * 64, special + blocks, blank + blocks);
        }
    }
#endif
    for (; blocks < capacity && blocks * 64 < count; blocks++) {
        size_t rest = count - blocks * 64;
        ka_scan_masks(bytes + blocks * 64, rest < 64 ? rest : 64, special + blocks, blank + blocks);
    }
    return blocks;
}
