import KAConfig

/// A node's statement indices by keyword, in file order, made in one pass over the statements
/// (rows told apart by identity, not by hashing their names), so that a rule about a few
/// keywords reads only their statements instead of scanning and copying all of them.
struct KeywordIndex: Sendable {
    /// Every distinct schema row the node uses, with its statements in order.
    let rows: [(row: KeywordRow, indices: [Int])]
    private let byName: [String: [Int]]

    init(_ tree: BoundTree) {
        var slotOf: [ObjectIdentifier: Int] = [:]
        var rows: [(row: KeywordRow, indices: [Int])] = []
        tree.statements.withUnsafeBufferPointer { statements in
            for index in statements.indices {
                let identity = ObjectIdentifier(statements[index].row)
                if let slot = slotOf[identity] {
                    rows[slot].indices.append(index)
                } else {
                    slotOf[identity] = rows.count
                    rows.append((statements[index].row, [index]))
                }
            }
        }
        var byName: [String: [Int]] = [:]
        for entry in rows {
            if let existing = byName[entry.row.name] {
                byName[entry.row.name] = (existing + entry.indices).sorted()
            } else {
                byName[entry.row.name] = entry.indices
            }
        }
        self.rows = rows
        self.byName = byName
    }

    func indices(_ keyword: String) -> [Int] { byName[keyword] ?? [] }

    func indices(ofKeywords keywords: Set<String>) -> [Int] {
        var found: [Int] = []
        for keyword in keywords { found += byName[keyword] ?? [] }
        return keywords.count > 1 ? found.sorted() : found
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
