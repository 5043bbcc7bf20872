/// The named blocks seen so far (`vrrp_instance VI_1`), for keepalived's duplicate-name check:
/// where each (block keyword, name) pair was first defined. One lookup per named block opened,
/// thousands in a large file, so an open-addressing index with FNV-1a hashes instead of a
/// Dictionary (whose SipHash and generic probing cost several times more per insert). The index
/// holds 4-byte positions in the list of entries, so an empty table costs little memory.
struct BlockNameTable {
    private struct Entry {
        var hash: UInt64
        var keyword: String
        var name: String
        var origin: Origin
    }

    private var entries: [Entry] = []
    /// Positions in `entries` by hash, -1 for an empty slot; at most half full.
    private var slots: [Int32]

    init(minimumCapacity: Int = 0) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        entries.reserveCapacity(minimumCapacity)
    }

    var count: Int { entries.count }

    /// Records `origin` for the pair unless the pair is already there; returns the first origin
    /// when it is (and then changes nothing).
    mutating func insertFirst(keyword: String, name: String, origin: Origin) -> Origin? {
        let hash = KeywordTable<Int>.hash(name) ^ (KeywordTable<Int>.hash(keyword) &* 31)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash >> 1) & mask
        while slots[index] >= 0 {
            let entry = Int(slots[index])
            if entries[entry].hash == hash, entries[entry].name == name, entries[entry].keyword == keyword {
                return entries[entry].origin
            }
            index = (index + 1) & mask
        }
        slots[index] = Int32(truncatingIfNeeded: entries.count)
        entries.append(Entry(hash: hash, keyword: keyword, name: name, origin: origin))
        if entries.count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (position, entry) in entries.enumerated() {
            var index = Int(truncatingIfNeeded: entry.hash >> 1) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(truncatingIfNeeded: position)
        }
    }
}
