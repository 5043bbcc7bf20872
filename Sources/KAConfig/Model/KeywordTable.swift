/// Keyword -> value lookups on the binder's hot path (schema rows per block, model handlers).
/// Dictionary hashes a String with seeded SipHash; keywords are short ASCII words looked up once
/// per statement, so an open-addressing table with FNV-1a over the UTF-8 bytes and a stored
/// hash before the string comparison is several times cheaper. Read-only after init.
struct KeywordTable<Value> {
    fileprivate struct Slot {
        var hash: UInt64
        var key: String
        var value: Value
    }

    private var slots: [Slot?]
    private let mask: Int

    /// The first entry of a key wins (as `where rows[name] == nil` did).
    init(_ entries: some Swift.Sequence<(String, Value)>) {
        let pairs = Array(entries)
        var capacity = 8
        while capacity < pairs.count * 2 { capacity *= 2 }
        slots = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in pairs where self[key] == nil {
            let hash = Self.hash(key)
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = Slot(hash: hash, key: key, value: value)
        }
    }

    init(_ dictionary: [String: Value]) {
        self.init(dictionary.lazy.map { ($0.key, $0.value) })
    }

    subscript(_ key: String) -> Value? {
        let hash = Self.hash(key)
        var index = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[index] {
            if slot.hash == hash && slot.key == key { return slot.value }
            index = (index + 1) & mask
        }
        return nil
    }

    @inline(__always)
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}

extension KeywordTable: Sendable where Value: Sendable {}
extension KeywordTable.Slot: Sendable where Value: Sendable {}
