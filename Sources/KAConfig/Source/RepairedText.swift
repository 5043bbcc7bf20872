/// Text from bytes that may not be UTF-8, exactly as `String(decoding:as: UTF8.self)` makes it
/// (each maximal ill-formed subpart becomes one U+FFFD), at a few instructions a byte.
///
/// The standard library's repair costs hundreds of instructions for every ill-formed byte: a
/// 1.8 KB file whose definitions replay 4 MB of non-UTF-8 text took kafmt 1.1 s, most of it
/// there. Here the bytes are checked once; text that is UTF-8 (nearly all of it) goes to the
/// standard library as it is, and the rest is repaired in one pass first.
enum RepairedText {
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let firstError = firstIllFormed(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(bytes.count + 16)
        repaired.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<firstError]))
        var index = firstError
        while index < bytes.count {
            let end = sequenceEnd(bytes, from: index)
            if end.wellFormed {
                repaired.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end.index]))
            } else {
                repaired.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
            index = end.index
        }
        return String(decoding: repaired, as: UTF8.self)
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// Where the first ill-formed sequence starts, nil when all of it is UTF-8.
    static func firstIllFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let end = sequenceEnd(bytes, from: index)
            if !end.wellFormed { return index }
            index = end.index
        }
        return nil
    }

    /// The sequence that starts at `start` (Unicode's table of well-formed UTF-8): where it ends
    /// and whether it is well formed. An ill-formed one ends after its maximal subpart: the
    /// longest start of a well-formed sequence, at least one byte.
    @inline(__always)
    static func sequenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (index: Int, wellFormed: Bool) {
        let lead = bytes[start]
        if lead < 0x80 { return (start + 1, true) }
        let trailing: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: trailing = 1
        case 0xE0: (trailing, low) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
        case 0xED: (trailing, high) = (2, 0x9F)
        case 0xF0: (trailing, low) = (3, 0x90)
        case 0xF1...0xF3: trailing = 3
        case 0xF4: (trailing, high) = (3, 0x8F)
        default: return (start + 1, false)
        }
        var index = start + 1
        for _ in 0..<trailing {
            guard index < bytes.count, bytes[index] >= low, bytes[index] <= high else { return (index, false) }
            index += 1
            (low, high) = (0x80, 0xBF)
        }
        return (index, true)
    }
}
