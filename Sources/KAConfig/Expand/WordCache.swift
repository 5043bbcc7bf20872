/// The strings of words seen before, by their bytes: most words of a configuration repeat
/// (keywords, `MASTER`, `eth0`, `dev`, `label`), and taking the earlier string costs a few
/// compares instead of a UTF-8 validation and, for words over 15 bytes, an allocation. Seeded
/// with the schema's keywords, so that a keyword word shares the schema's own string (and a
/// comparison with the schema's name ends at its identity check). Direct-mapped: a colliding
/// word replaces the older.
struct WordCache {
    /// Words of at most this many bytes are cached (four 8-byte lanes).
    static let maximumLength = 32
    private static let slotCount = 512

    private struct Entry {
        var lanes: (UInt64, UInt64, UInt64, UInt64)
        var length: Int
        var text: String
    }

    private var entries: [Entry]

    /// An empty cache: allocates nothing until a word is stored (see `seeded`).
    init() { entries = [] }

    /// The schema's keywords, built once per process and copied by each reader on first write.
    static let seeded: WordCache = {
        var cache = WordCache()
        for name in KeepalivedSchema.allKeywordNames.reversed() {
            var bytes = name
            bytes.withUTF8 { utf8 in
                guard Self.fits(utf8) else { return }
                cache.store(Self.lanes(of: utf8), length: utf8.count, text: name)
            }
        }
        return cache
    }()

    /// The string of `bytes` (a word of a plain line, so it holds no NUL or newline).
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard Self.fits(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        let lanes = Self.lanes(of: bytes)
        if !entries.isEmpty {
            let entry = entries[Self.slot(lanes, bytes.count)]
            if entry.length == bytes.count, entry.lanes == lanes { return entry.text }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        store(lanes, length: bytes.count, text: text)
        return text
    }

    @inline(__always)
    private static func fits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count > 0 && bytes.count <= maximumLength
    }

    /// Puts `text` in its slot, replacing what was there; the table is made on the first store.
    private mutating func store(_ lanes: (UInt64, UInt64, UInt64, UInt64), length: Int, text: String) {
        if entries.isEmpty {
            entries = Array(repeating: Entry(lanes: (0, 0, 0, 0), length: -1, text: ""), count: Self.slotCount)
        }
        entries[Self.slot(lanes, length)] = Entry(lanes: lanes, length: length, text: text)
    }

    /// The bytes in four little-endian lanes, zero after the end.
    @inline(__always)
    private static func lanes(of bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64) {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &lanes) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(bytes))
        }
        return lanes
    }

    @inline(__always)
    private static func slot(_ lanes: (UInt64, UInt64, UInt64, UInt64), _ length: Int) -> Int {
        var hash = lanes.0 &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ lanes.1) &* 0xC2B2_AE3D_27D4_EB4F
        hash = (hash ^ lanes.2 ^ (lanes.3 &<< 1) ^ UInt64(length)) &* 0x1656_67B1_9E37_79F9
        return Int(truncatingIfNeeded: hash >> 55) & (slotCount - 1)
    }
}
