/// The handler tables: keyword -> index of its handler, plus the handlers. Each table has an id
/// that names its row cache in `BuildContext`.
struct HandlerTable<Target>: Sendable {
    let id: Int
    let slots: KeywordTable<Int>
    let handlers: [ModelBuilder.Handler<Target>]

    init(id: Int, _ table: [String: ModelBuilder.Handler<Target>]) {
        self.id = id
        let entries = Array(table)
        slots = KeywordTable(entries.indices.map { (entries[$0].key, $0) })
        handlers = entries.map(\.value)
    }
}

extension ModelBuilder {
    /// How many row caches `BuildContext` keeps: one per table below, and one for the top level.
    static let rowCacheCount = 12
    static let topLevelCacheID = 11

    static let bfdHandlerTable = HandlerTable(id: 0, bfdHandlers)
    static let checkerHandlerTable = HandlerTable(id: 1, checkerHandlers)
    static let garpGroupHandlerTable = HandlerTable(id: 2, garpGroupHandlers)
    static let globalHandlerTable = HandlerTable(id: 3, globalHandlers)
    static let instanceHandlerTable = HandlerTable(id: 4, instanceHandlers)
    static let realServerHandlerTable = HandlerTable(id: 5, realServerHandlers)
    static let scriptHandlerTable = HandlerTable(id: 6, scriptHandlers)
    static let syncGroupHandlerTable = HandlerTable(id: 7, syncGroupHandlers)
    static let trackFileHandlerTable = HandlerTable(id: 8, trackFileHandlers)
    static let trackProcessHandlerTable = HandlerTable(id: 9, trackProcessHandlers)
    static let virtualServerHandlerTable = HandlerTable(id: 10, virtualServerHandlers)
}

/// Keyword lookups by schema row. Every statement bound to a keyword shares one `KeywordRow`, so
/// a row's slot is looked up by keyword once and then found by the row's identity: a multiply and
/// an integer compare instead of hashing the keyword's bytes and comparing strings. Valid while
/// the rows live (the tree being built holds them).
struct RowSlotCache {
    /// Row addresses; 0 marks an empty slot (no object lives at address 0).
    private var rows: [UInt] = Array(repeating: 0, count: 16)
    private var slots: [Int] = Array(repeating: 0, count: 16)
    private var count = 0

    /// The cached slot of `row`, else `lookUp()` (stored for the next statement of that row).
    mutating func slot(for row: KeywordRow, lookUp: () -> Int) -> Int {
        let key = UInt(bitPattern: ObjectIdentifier(row))
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
