/// Keyword -> value lookups on the binder's hot path (schema rows per block, model handlers).
/// Dictionary hashes a String with seeded SipHash; keywords are short ASCII words looked up once
/// per statement, so an open-addressing table with FNV-1a over the UTF-8 bytes, and stored hashes
/// compared before any string, is cheaper. Read-only after init.
///
/// Before hashing the text, a lookup tries the string's identity: its 16 bytes (the storage
/// reference and count, or the bytes themselves for a short string). Keyword words share the
/// schema's own strings (see `WordCache`), so most lookups end there without reading the text;
/// equal identities mean equal strings, and any other string falls through to the text hash.
///
/// The slots live in one immutable storage object: copying a table (reading it out of a class
/// property, say) costs one reference count, and a lookup reads the slots through pointers.
struct KeywordTable<Value> {
    private struct Slot {
        /// 0 marks an empty slot (real hashes have the low bit set).
        var hash: UInt64
        var identity: StringIdentity
        var key: String
        var value: Value?
    }

    private final class Storage: @unchecked Sendable {
        let mask: Int
        let slots: UnsafeMutablePointer<Slot>
        /// Slots by identity hash (-1 empty), probed like the slots by text hash.
        let identitySlots: UnsafeMutablePointer<Int32>

        init(capacity: Int) {
            mask = capacity - 1
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: Slot(hash: 0, identity: StringIdentity(""), key: "", value: nil), count: capacity)
            identitySlots = .allocate(capacity: capacity)
            identitySlots.initialize(repeating: -1, count: capacity)
        }

        deinit {
            slots.deinitialize(count: mask + 1)
            slots.deallocate()
            identitySlots.deallocate()
        }
    }

    private let storage: Storage

    /// The first entry of a key wins (as `where rows[name] == nil` did).
    init(_ entries: some Swift.Sequence<(String, Value)>) {
        let pairs = Array(entries)
        var capacity = 8
        while capacity < pairs.count * 2 { capacity *= 2 }
        storage = Storage(capacity: capacity)
        let mask = capacity - 1
        for (key, value) in pairs where self[key] == nil {
            let hash = Self.hash(key)
            var index = Int(truncatingIfNeeded: hash >> 1) & mask
            while storage.slots[index].hash != 0 { index = (index + 1) & mask }
            let identity = StringIdentity(key)
            storage.slots[index] = Slot(hash: hash, identity: identity, key: key, value: value)
            var probe = identity.slot(mask)
            while storage.identitySlots[probe] >= 0 { probe = (probe + 1) & mask }
            storage.identitySlots[probe] = Int32(truncatingIfNeeded: index)
        }
    }

    init(_ dictionary: [String: Value]) {
        self.init(dictionary.lazy.map { ($0.key, $0.value) })
    }

    subscript(_ key: String) -> Value? {
        let mask = storage.mask
        let slots = storage.slots
        let identitySlots = storage.identitySlots
        let identity = StringIdentity(key)
        var probe = identity.slot(mask)
        while true {
            let slot = Int(identitySlots[probe])
            if slot < 0 { break }
            if slots[slot].identity == identity { return slots[slot].value }
            probe = (probe + 1) & mask
        }
        let hash = Self.hash(key)
        var index = Int(truncatingIfNeeded: hash >> 1) & mask
        while true {
            let stored = slots[index].hash
            if stored == 0 { return nil }
            if stored == hash && slots[index].key == key { return slots[index].value }
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
