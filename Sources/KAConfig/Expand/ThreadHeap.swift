/// Grows the calling thread's share of the C heap in a few large steps, for a thread about to
/// make a great many small allocations (the binder's, which walks the lines and builds the model).
///
/// glibc gives each new thread a heap of its own and grows it by what an allocation lacks,
/// rounded to a page: one `mprotect` call per 4 KB, 256 of them in the binder's thread at 5,000
/// instances, each one taking the process's memory-map lock that the other threads' page faults
/// wait on. A heap remembers how far it was ever opened, so after blocks of 96 KB are taken
/// and given back here, the growth that follows needs no call (312 calls a run → 26). Untouched pages cost no
/// memory; elsewhere (another allocator) this is a few allocations and nothing else.
enum ThreadHeap {
    /// Below the size from which glibc maps a block of its own (128 KB), so each comes from the
    /// thread's heap.
    static let step = 96 << 10

    static func reserve(bytes: Int) {
        let count = min(bytes, 16 << 20) / step
        guard count > 0 else { return }
        var blocks: [UnsafeMutableRawPointer] = []
        blocks.reserveCapacity(count)
        for _ in 0..<count { blocks.append(UnsafeMutableRawPointer.allocate(byteCount: step, alignment: 16)) }
        for block in blocks { block.deallocate() }
    }
}
