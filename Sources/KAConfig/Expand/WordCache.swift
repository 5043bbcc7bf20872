import Synchronization

/// The strings of words seen before, by their bytes: most words of a configuration repeat
/// (keywords, `MASTER`, `eth0`, `dev`, `label`), and taking the earlier string costs a few
/// compares instead of a UTF-8 validation and, for words over 15 bytes, an allocation. Each
/// entry also remembers the string's index in the texts of the chunk being read (`WordArena`),
/// so that a word repeated within a chunk is one text there.
///
/// A small direct-mapped table per reader, where a colliding word replaces the older; a word not
/// in it is looked up among the schema's keywords (a table built once per process that holds
/// every one of them) before a new string is made. A keyword word therefore always shares the
/// schema's own string, and a lookup by it in a `KeywordTable` ends at the identity check.
struct WordCache {
    /// Words of at most this many bytes are cached (four 8-byte lanes).
    static let maximumLength = 32
    private static let slotCount = 512

    fileprivate struct Entry {
        var lanes: (UInt64, UInt64, UInt64, UInt64)
        var length: Int
        var text: String
        /// The text's index in the texts of the arena of generation `generation`.
        var index: UInt32 = 0
        var generation: UInt32 = 0
    }

    private var entries: [Entry]
    /// The schema's keywords, taken once per reader (not per word) when the first word comes.
    private var schemaWords: SchemaWords?

    /// An empty cache: allocates nothing until a word is stored.
    init() { entries = [] }

    /// The index in `arena`'s texts of the string of `bytes` (a word of a plain line), appended
    /// there unless this arena has it already: a word seen before in the same chunk costs no
    /// string at all, one seen in an earlier chunk a reference.
    @inline(__always)
    mutating func textIndex(_ bytes: UnsafeBufferPointer<UInt8>, in arena: inout WordArena) -> UInt32 {
        guard Self.fits(bytes) else { return arena.addText(RepairedText.string(bytes)) }
        let lanes = Self.lanes(of: bytes)
        let hash = Self.hash(lanes, bytes.count)
        let slot = Int(truncatingIfNeeded: hash >> 55) & (Self.slotCount - 1)
        if !entries.isEmpty {
            // Read in place (no copy of the entry's string, no uniqueness check); written only
            // when the word is first seen in this arena.
            let (hit, generation, index) = entries.withUnsafeBufferPointer { entries in
                (entries[slot].length == bytes.count && entries[slot].lanes == lanes, entries[slot].generation, entries[slot].index)
            }
            if hit {
                if generation == arena.generation { return index }
                let added = arena.addText(entries[slot].text)
                entries[slot].index = added
                entries[slot].generation = arena.generation
                return added
            }
        } else {
            entries = Array(repeating: Entry(lanes: (0, 0, 0, 0), length: -1, text: ""), count: Self.slotCount)
            schemaWords = SchemaWords.shared
        }
        // A keyword stored here is the schema's string too, so taking it from either table
        // keeps its identity.
        let text = schemaWords?.string(lanes, length: bytes.count, hash: hash) ?? Self.newString(bytes, lanes: lanes)
        let index = arena.addText(text)
        entries[slot] = Entry(lanes: lanes, length: bytes.count, text: text, index: index, generation: arena.generation)
        return index
    }

    /// A new word's string. The lanes show an ASCII word at once, and only other text needs
    /// `RepairedText`'s scan before the standard library validates it again.
    @inline(__always)
    static func newString(_ bytes: UnsafeBufferPointer<UInt8>, lanes: (UInt64, UInt64, UInt64, UInt64)) -> String {
        let ascii = (lanes.0 | lanes.1 | lanes.2 | lanes.3) & 0x8080_8080_8080_8080 == 0
        return ascii ? String(decoding: bytes, as: UTF8.self) : RepairedText.string(bytes)
    }

    @inline(__always)
    static func fits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count > 0 && bytes.count <= maximumLength
    }

    /// The bytes in four little-endian lanes, zero after the end.
    @inline(__always)
    static func lanes(of bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64) {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &lanes) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(bytes))
        }
        return lanes
    }

    @inline(__always)
    static func hash(_ lanes: (UInt64, UInt64, UInt64, UInt64), _ length: Int) -> UInt64 {
        var hash = lanes.0 &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ lanes.1) &* 0xC2B2_AE3D_27D4_EB4F
        return (hash ^ lanes.2 ^ (lanes.3 &<< 1) ^ UInt64(length)) &* 0x1656_67B1_9E37_79F9
    }
}

/// Every schema keyword that fits a `WordCache` entry, in an open-addressing table at most a
/// quarter full (a word that is no keyword ends its probe after one or two slots). Immutable.
final class SchemaWords: @unchecked Sendable {
    private static let current = Mutex<SchemaWords?>(nil)

    /// The table, built on first use and again after `AnalysisCaches.release()`.
    static var shared: SchemaWords {
        current.withLock { table in
            if let table { return table }
            let made = SchemaWords(KeepalivedSchema.allKeywordNames)
            table = made
            return made
        }
    }

    static func release() { current.withLock { $0 = nil } }

    private let mask: Int
    private let entries: UnsafeMutablePointer<WordCache.Entry>

    init(_ names: [String]) {
        var capacity = 16
        while capacity < names.count * 4 { capacity *= 2 }
        mask = capacity - 1
        entries = .allocate(capacity: capacity)
        entries.initialize(repeating: WordCache.Entry(lanes: (0, 0, 0, 0), length: -1, text: ""), count: capacity)
        for name in names {
            var bytes = name
            bytes.withUTF8 { utf8 in
                guard WordCache.fits(utf8) else { return }
                let lanes = WordCache.lanes(of: utf8)
                var index = Int(truncatingIfNeeded: WordCache.hash(lanes, utf8.count) >> 40) & mask
                while entries[index].length >= 0 {
                    // The first of equal names wins (there are none: the names are unique).
                    if entries[index].length == utf8.count, entries[index].lanes == lanes { return }
                    index = (index + 1) & mask
                }
                entries[index] = WordCache.Entry(lanes: lanes, length: utf8.count, text: name)
            }
        }
    }

    deinit {
        entries.deinitialize(count: mask + 1)
        entries.deallocate()
    }

    /// The schema's string with these bytes, if a keyword has them.
    @inline(__always)
    func string(_ lanes: (UInt64, UInt64, UInt64, UInt64), length: Int, hash: UInt64) -> String? {
        var index = Int(truncatingIfNeeded: hash >> 40) & mask
        while true {
            let entry = entries + index
            let stored = entry.pointee.length
            if stored < 0 { return nil }
            if stored == length, entry.pointee.lanes == lanes { return entry.pointee.text }
            index = (index + 1) & mask
        }
    }
}
