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

    /// On a new thread (a heap of its own under glibc), the span writable around a small block
    /// after `reserve(bytes:)` covers what was reserved; without it, the heap's first 132 KB.
    @Test(arguments: [false, true])
    func reservedHeapIsWritableAhead(reserving: Bool) throws {
        #if os(Linux)
            let span = OneShot<UInt?>()
            startDetachedThread(stackSize: 1 << 20) {
                if reserving { ThreadHeap.reserve(bytes: 2 << 20) }
                let block = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
                span.set(Self.writableSpan(around: UInt(bitPattern: block)))
                block.deallocate()
            }
            let found = try #require(span.value)
            if reserving {
                #expect(found >= UInt(2 << 20) - UInt(ThreadHeap.step), "writable \(found) bytes")
            } else {
                #expect(found < UInt(1 << 20), "writable \(found) bytes before any reservation")
            }
        #endif
    }

    @Test func nothingToReserve() {
        ThreadHeap.reserve(bytes: 0)
        ThreadHeap.reserve(bytes: ThreadHeap.step - 1)
    }
}
