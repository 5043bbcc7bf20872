/// Keyword -> value lookups on the binder's hot path (schema rows per block, model handlers).
/// Dictionary hashes a String with seeded SipHash; keywords are short ASCII words looked up once
/// per statement, so an open-addressing table with FNV-1a over the UTF-8 bytes, and stored hashes
/// compared before any string, is cheaper. Read-only after init.
struct KeywordTable<Value> {
    /// 0 marks an empty slot (real hashes have the low bit set).
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [Value?]
    private let mask: Int

    /// The first entry of a key wins (as `where rows[name] == nil` did).
    init(_ entries: some Swift.Sequence<(String, Value)>) {
        let pairs = Array(entries)
        var capacity = 8
        while capacity < pairs.count * 2 { capacity *= 2 }
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: "", count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in pairs where self[key] == nil {
            let hash = Self.hash(key)
            var index = Int(truncatingIfNeeded: hash >> 1) & mask
            while hashes[index] != 0 { index = (index + 1) & mask }
            hashes[index] = hash
            keys[index] = key
            values[index] = value
        }
    }

    init(_ dictionary: [String: Value]) {
        self.init(dictionary.lazy.map { ($0.key, $0.value) })
    }

    subscript(_ key: String) -> Value? {
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
