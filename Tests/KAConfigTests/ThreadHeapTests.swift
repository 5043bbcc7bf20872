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

    /// After `reserve(bytes:)` on a new thread, the span writable around the thread's next small
    /// block covers the reservation: blocks taken from free space the thread's heap already had
    /// count too, so this holds on a heap that an ended thread left behind as well. On a fresh
    /// heap (this test alone) a reservation that did nothing leaves 132 KB and fails it; in a full
    /// run the thread may inherit a heap opened wider already, so no bound is checked without it.
    @Test func reservedHeapIsWritableAhead() throws {
        #if os(Linux)
            let span = OneShot<UInt?>()
            startDetachedThread(stackSize: 1 << 20) {
                ThreadHeap.reserve(bytes: 4 << 20)
                let block = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
                span.set(Self.writableSpan(around: UInt(bitPattern: block)))
                block.deallocate()
            }
            let found = try #require(span.value)
            #expect(found >= UInt(4 << 20) - UInt(ThreadHeap.step), "writable \(found) bytes")
        #endif
    }

    @Test func nothingToReserve() {
        ThreadHeap.reserve(bytes: 0)
        ThreadHeap.reserve(bytes: ThreadHeap.step - 1)
    }
}
