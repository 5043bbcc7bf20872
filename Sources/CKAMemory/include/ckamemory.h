#ifndef CKAMEMORY_H
#define CKAMEMORY_H

/// Keeps glibc's threshold for giving a large block its own mapping fixed at 128 KB. By default
/// glibc raises it to the size of each mapped block that is freed (up to 32 MB), so that later
/// blocks of up to that size come from the heap and stay resident once freed: a tool that
/// grows and drops arrays of megabytes then holds them to its end. Does nothing off glibc.
void ka_fix_mmap_threshold(void);

#endif
