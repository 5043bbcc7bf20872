import Testing
@testable import KAConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `ThreadHeap.reserve` opens the calling thread's heap in a few steps, so that the binder's
/// thousands of small allocations grow into it without a system call each (glibc grows a
/// thread's heap by what an allocation lacks, a page at a time).
@Suite struct ThreadHeapTests {
    /// The writable span of the mapping that holds `address` (from /proc/self/maps).
    static func writableSpan(around address: UInt) -> UInt? {
        guard let file = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let fields = text.split(separator: " ")
            guard fields.count > 1 else { continue }
            let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            guard bounds.count == 2, address >= bounds[0], address < bounds[1] else { continue }
            return fields[1].hasPrefix("rw") ? bounds[1] - bounds[0] : 0
        }
        return nil
    }

    /// On a new thread with a heap of its own, fresh (glibc opens 132 KB of it at first), the
    /// span writable around the thread's blocks after `reserve(bytes:)` covers the reservation;
    /// a reservation that does nothing leaves 132 KB. A thread may instead share or inherit a
    /// heap (the main one, whose freed top is given back at once, or one an ended thread left):
    /// the reservation's effect is then not visible here and nothing is checked. Run alone,
    /// the heap is fresh.
    @Test func reservedHeapIsWritableAhead() throws {
        #if os(Linux)
            let spans = OneShot<(before: UInt?, after: UInt?)>()
            startDetachedThread(stackSize: 1 << 20) {
                let block = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
                let before = Self.writableSpan(around: UInt(bitPattern: block))
                ThreadHeap.reserve(bytes: 4 << 20)
                spans.set((before, Self.writableSpan(around: UInt(bitPattern: block))))
                block.deallocate()
            }
            let (before, after) = spans.value
            let fresh = try #require(before) <= UInt(256 << 10)
            if fresh {
                #expect(try #require(after) >= UInt(4 << 20) - UInt(ThreadHeap.step), "writable \(after ?? 0) bytes")
            }
        #endif
    }

    @Test func nothingToReserve() {
        ThreadHeap.reserve(bytes: 0)
        ThreadHeap.reserve(bytes: ThreadHeap.step - 1)
    }
}
