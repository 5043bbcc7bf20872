#if canImport(Glibc)
    import Glibc
#endif

/// Maps the pages of memory about to be written in one call (Linux's `MADV_POPULATE_WRITE`,
/// 5.14 and later) instead of one page fault each as the writes reach them: the same pages and
/// the same zeroing, without a trap per 4 KB. Only for memory that will be written in full (it
/// becomes resident at once). Elsewhere, and on older kernels, it does nothing.
enum PageMapping {
    static func populate(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard let base = buffer.baseAddress else { return }
            let page = 4096
            // The whole pages inside the buffer: the partial ones at its ends fault as usual.
            let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
            guard end > start else { return }
            // MADV_POPULATE_WRITE (Glibc does not export the constant on every version).
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 23)
        #endif
    }
}
