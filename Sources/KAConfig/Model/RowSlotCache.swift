/// Keyword lookups by schema row. Every statement bound to a keyword shares one `KeywordRow`, so
/// a row's slot is looked up by keyword once and then found by the row's identity: a multiply and
/// an integer compare instead of hashing the keyword's bytes and comparing strings. Valid while
/// the rows live (the tree being built holds them). The model builder and the lint rules' keyword
/// index use it.
package struct RowSlotCache {
    /// Row addresses; 0 marks an empty slot (no object lives at address 0).
    private var rows: [UInt] = Array(repeating: 0, count: 16)
    private var slots: [Int] = Array(repeating: 0, count: 16)
    private var count = 0

    package init() {}

    /// The cached slot of the row at `key` (its address: `BoundTree.rowAddress(ofStatement:)` or
    /// `StatementRef.rowAddress`, read without taking a reference), else `lookUp()` (stored for
    /// the next statement of that row).
    package mutating func slot(forAddress key: UInt, lookUp: () -> Int) -> Int {
        let mask = rows.count - 1
        var index = Self.start(key, mask: mask)
        while rows[index] != 0 {
            if rows[index] == key { return slots[index] }
            index = (index + 1) & mask
        }
        let slot = lookUp()
        rows[index] = key
        slots[index] = slot
        count += 1
        if count * 2 > rows.count { grow() }
        return slot
    }

    private static func start(_ key: UInt, mask: Int) -> Int {
        Int(truncatingIfNeeded: ((key >> 4) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldRows = rows
        let oldSlots = slots
        rows = Array(repeating: 0, count: oldRows.count * 2)
        slots = Array(repeating: 0, count: oldRows.count * 2)
        let mask = rows.count - 1
        for (key, slot) in zip(oldRows, oldSlots) where key != 0 {
            var index = Self.start(key, mask: mask)
            while rows[index] != 0 { index = (index + 1) & mask }
            rows[index] = key
            slots[index] = slot
        }
    }
}
