/// Keyword -> value lookups on the binder's hot path (schema rows per block, model handlers).
/// Dictionary hashes a String with seeded SipHash; keywords are short ASCII words looked up once
/// per statement, so an open-addressing table with FNV-1a over the UTF-8 bytes, and stored hashes
/// compared before any string, is cheaper. Read-only after init.
///
/// Before hashing the text, a lookup tries the string's identity: its 16 bytes (the storage
/// reference and count, or the bytes themselves for a short string). Keyword words share the
/// schema's own strings (see `WordCache`), so most lookups end there without reading the text;
/// equal identities mean equal strings, and any other string falls through to the text hash.
struct KeywordTable<Value> {
    /// 0 marks an empty slot (real hashes have the low bit set).
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [Value?]
    private let mask: Int
    /// The identity of the key in each slot.
    private var identities: [StringIdentity]
    /// Slots by identity hash (-1 empty), probed like `hashes`.
    private var identitySlots: [Int32]

    /// The first entry of a key wins (as `where rows[name] == nil` did).
    init(_ entries: some Swift.Sequence<(String, Value)>) {
        let pairs = Array(entries)
        var capacity = 8
        while capacity < pairs.count * 2 { capacity *= 2 }
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: "", count: capacity)
        values = Array(repeating: nil, count: capacity)
        identities = Array(repeating: StringIdentity(""), count: capacity)
        identitySlots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in pairs where self[key] == nil {
            let hash = Self.hash(key)
            var index = Int(truncatingIfNeeded: hash >> 1) & mask
            while hashes[index] != 0 { index = (index + 1) & mask }
            hashes[index] = hash
            keys[index] = key
            values[index] = value
            let identity = StringIdentity(key)
            identities[index] = identity
            var probe = identity.slot(mask)
            while identitySlots[probe] >= 0 { probe = (probe + 1) & mask }
            identitySlots[probe] = Int32(truncatingIfNeeded: index)
        }
    }

    init(_ dictionary: [String: Value]) {
        self.init(dictionary.lazy.map { ($0.key, $0.value) })
    }

    subscript(_ key: String) -> Value? {
        let identity = StringIdentity(key)
        var probe = identity.slot(mask)
        while true {
            let slot = identitySlots[probe]
            if slot < 0 { break }
            if identities[Int(slot)] == identity { return values[Int(slot)] }
            probe = (probe + 1) & mask
        }
        let hash = Self.hash(key)
        var index = Int(truncatingIfNeeded: hash >> 1) & mask
        while true {
            let stored = hashes[index]
            if stored == 0 { return nil }
            if stored == hash && keys[index] == key { return values[index] }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ key: String) -> UInt64 {
        var key = key
        // withUTF8 gives the bytes in place for native and small strings (no per-byte view calls).
        return key.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return (hash ^ (hash >> 29)) | 1
        }
    }
}

extension KeywordTable: Sendable where Value: Sendable {}

/// A string's 16 bytes as two words. Two strings with the same bytes are the same string: the
/// same storage object with the same count and flags, or the same short string stored inline
/// (a table keeps its keys alive, so their storage cannot be reused for other text).
struct StringIdentity: Equatable, Sendable {
    let first: UInt64
    let second: UInt64

    @inline(__always)
    init(_ string: String) {
        // A String is two words on the 64-bit platforms this package builds for (folded away).
        precondition(MemoryLayout<String>.size == 16, "StringIdentity needs 16-byte strings")
        (first, second) = withUnsafeBytes(of: string) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    @inline(__always)
    func slot(_ mask: Int) -> Int {
        let hash = (first ^ (second &* 0x9E37_79B9_7F4A_7C15)) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: hash >> 32) & mask
    }
}
