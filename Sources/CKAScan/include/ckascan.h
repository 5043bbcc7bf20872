#ifndef CKASCAN_H
#define CKASCAN_H

#include <stddef.h>
#include <stdint.h>

/// Records where each line after a newline (0x0A) starts: scans `bytes[*position ..< count]`
/// and writes `offset + 1` of each newline found to `starts`, at most `capacity` of them.
/// Returns how many it wrote; `*position` is left where the scan stopped: `count` when it
/// reached the end, else the offset of the first newline not written (capacity ran out).
/// Offsets are 32-bit: a caller scans at most 4 GB.
size_t ka_newline_starts(const uint8_t *bytes, size_t count, size_t *position, uint32_t *starts, size_t capacity);

/// Two bit masks of the 64 bytes at `bytes` (`count` of them when fewer, `count` > 0; the rest
/// count as blanks): in `special`, bit i is set when byte i is one that ends a word or a line
/// for keepalived's reader (\n \r ! " # \\ { }) or a NUL; in `blank`, when it is a space, tab,
/// VT or FF.
/// With AVX2 where the processor has it (two table lookups per 32 bytes), else SSE2 or a plain
/// loop: `ka_scan_masks_baseline`, which tests call to check both.
void ka_scan_masks(const uint8_t *bytes, size_t count, uint64_t *special, uint64_t *blank);
void ka_scan_masks_baseline(const uint8_t *bytes, size_t count, uint64_t *special, uint64_t *blank);

/// `ka_scan_masks` of the blocks of 64 bytes from `bytes` on, at most `capacity` of them and
/// none past `count` bytes (the last may be short): writes `special[i]` and `blank[i]` for
/// block i and returns how many blocks it wrote.
size_t ka_scan_mask_blocks(const uint8_t *bytes, size_t count, uint64_t *special, uint64_t *blank, size_t capacity);

#endif
