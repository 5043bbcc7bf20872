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

#endif
