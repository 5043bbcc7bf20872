/// Byte searches eight bytes at a time, for the passes over a whole file that look for one
/// rare or sparse byte (line feeds for the line table, NUL bytes).
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` that equals `byte`, and no other bit.
    @inline(__always)
    private static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        // Exact per byte (no borrow between bytes): high bit set iff the byte of x is zero.
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The first index at or after `from` holding `byte`.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            var index = max(from, 0)
            let count = raw.count
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let found = matches(word, byte)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
            while index < count {
                if raw[index] == byte { return index }
                index += 1
            }
            return nil
        }
    }

    /// Calls `body` with the index of every `byte` in `bytes`, in order.
    @inline(__always)
    static func forEachIndex(of byte: UInt8, in bytes: [UInt8], _ body: (Int) -> Void) {
        bytes.withUnsafeBytes { raw in
            var index = 0
            let count = raw.count
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                var found = matches(word, byte)
                while found != 0 {
                    body(index + found.trailingZeroBitCount / 8)
                    found &= found &- 1
                }
                index += 8
            }
            while index < count {
                if raw[index] == byte { body(index) }
                index += 1
            }
        }
    }
}
