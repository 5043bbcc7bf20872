import KAConfig

extension BoundTree {
    /// Indices of the statements whose keyword is one of `keywords`, in order. Reads only each
    /// statement's keyword, so rules that care about a few keywords do not copy every statement.
    func indices(ofKeywords keywords: Set<String>) -> [Int] {
        statements.indices.filter { keywords.contains(statements[$0].spec.name) }
    }

    /// The statements whose keyword is one of `keywords`, in order.
    func statements(withKeywords keywords: Set<String>) -> [BoundStatement] {
        indices(ofKeywords: keywords).map { statements[$0] }
    }

    /// Indices of the statements of a script kind (notify*, script, misc_path, ...).
    func scriptStatementIndices() -> [Int] {
        statements.indices.filter {
            if case .script = statements[$0].spec.kind { return true }
            return false
        }
    }
}
