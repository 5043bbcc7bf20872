import KAConfig

/// A node's statement indices by keyword, in file order, made in one pass over the statements
/// (rows told apart by identity, not by hashing their names), so that a rule about a few
/// keywords reads only their statements instead of scanning and copying all of them.
///
/// The indices sit in one arena of 32-bit numbers, grouped by row and sized exactly (a counting
/// sort): per-row arrays of `Int` grown by doubling took 2.6–5 MB at 20,000 instances, this 1.3.
struct KeywordIndex: Sendable {
    /// One distinct schema row the node uses, and where its statements are in the arena.
    struct Entry: Sendable {
        let row: KeywordRow
        fileprivate let start: Int
        fileprivate let end: Int
    }

    /// Every distinct schema row the node uses, in order of first use.
    let rows: [Entry]
    /// Statement indices, row after row, each row's in file order.
    private let arena: [Int32]
    /// Positions in `rows` of each keyword's rows (one keyword has a row per block level).
    private let byName: [String: [Int]]

    init(_ tree: BoundTree) {
        // Rows told apart by address (a multiply and a compare), not through a hashed dictionary.
        var slotOf = RowSlotCache()
        var distinct: [KeywordRow] = []
        var counts: [Int] = []
        // The row slot of each statement, kept for the second pass (4 bytes a statement, freed here).
        let slots = [Int32](unsafeUninitializedCapacity: tree.statements.count) { buffer, initialized in
            for index in tree.statements.indices {
                // By address: only a row's first statement takes a reference to it.
                let slot = slotOf.slot(forAddress: tree.rowAddress(ofStatement: index)) {
                    distinct.append(tree.statements[index].row)
                    counts.append(0)
                    return distinct.count - 1
                }
                counts[slot] += 1
                buffer[index] = Int32(truncatingIfNeeded: slot)
            }
            initialized = tree.statements.count
        }
        var next: [Int] = []
        next.reserveCapacity(counts.count)
        var rows: [Entry] = []
        rows.reserveCapacity(counts.count)
        var total = 0
        for (slot, count) in counts.enumerated() {
            next.append(total)
            rows.append(Entry(row: distinct[slot], start: total, end: total + count))
            total += count
        }
        arena = [Int32](unsafeUninitializedCapacity: total) { buffer, initialized in
            for (index, slot) in slots.enumerated() {
                buffer[next[Int(slot)]] = Int32(truncatingIfNeeded: index)
                next[Int(slot)] += 1
            }
            initialized = total
        }
        var byName: [String: [Int]] = [:]
        for (position, entry) in rows.enumerated() { byName[entry.row.name, default: []].append(position) }
        self.rows = rows
        self.byName = byName
    }

    /// The statement indices of one row, in file order.
    func indices(of entry: Entry) -> some RandomAccessCollection<Int> {
        arena[entry.start..<entry.end].lazy.map { Int($0) }
    }

    /// The first statement of a row (every row has at least one).
    func first(of entry: Entry) -> Int { Int(arena[entry.start]) }

    func indices(_ keyword: String) -> [Int] { indices(ofKeywords: [keyword]) }

    /// The statements whose keyword is one of `keywords`, in file order.
    func indices(ofKeywords keywords: Set<String>) -> [Int] {
        indices(ofRows: keywords.flatMap { byName[$0] ?? [] }.map { rows[$0] })
    }

    /// The statements of `entries`, merged in file order.
    func indices(ofRows entries: [Entry]) -> [Int] {
        var found: [Int] = []
        found.reserveCapacity(entries.reduce(0) { $0 + $1.end - $1.start })
        for entry in entries { found.append(contentsOf: indices(of: entry)) }
        return entries.count > 1 ? found.sorted() : found
    }
}

extension LintNode {
    /// Indices of the statements whose keyword is one of `keywords`, in order.
    func statementIndices(ofKeywords keywords: Set<String>) -> [Int] {
        facts.keywords.indices(ofKeywords: keywords)
    }

    /// The statements whose keyword is one of `keywords`, in order.
    func statements(withKeywords keywords: Set<String>) -> [BoundStatement] {
        statementIndices(ofKeywords: keywords).map { analysis.bound.tree.statements[$0] }
    }

    /// Indices of the statements of a script kind (notify*, script, misc_path, ...), in order.
    func scriptStatementIndices() -> [Int] { NodeFacts.scriptIndices(facts.keywords) }
}
