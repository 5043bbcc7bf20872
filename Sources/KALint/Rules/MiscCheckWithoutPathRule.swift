import KAConfig

/// A MISC_CHECK with no `misc_path`: keepalived 2.2.7 reports "No script path has been specified
/// for MISC_CHECKER - skipping" at the block's '}' and drops the checker, so the real server is
/// never checked.
struct MiscCheckWithoutPathRule: LintRule {
    let rule = KeepalivedCheckCatalogue.miscCheckWithoutPath

    func check(_ node: LintNode) -> [Diagnostic] {
        let tree = node.bound.tree
        let context = node.statementContext
        return node.statementIndices(ofKeywords: ["MISC_CHECK"]).compactMap { index in
            let statement = tree.statements[index]
            guard statement.keyword == "MISC_CHECK", statement.block != nil else { return nil }
            let hasPath = context.children(of: index).contains {
                tree.statements[$0].keyword == "misc_path" && tree.statements[$0].words.count > 1
            }
            guard !hasPath else { return nil }
            let end = tree.closingBrace(of: index) ?? statement.origin
            return Diagnostic(
                rule,
                "MISC_CHECK has no misc_path: keepalived 2.2.7 reports \"No script path has been specified for "
                    + "MISC_CHECKER - skipping\" and drops the checker; add 'misc_path /path/to/check'",
                at: end.span, related: [statement.origin.note("the MISC_CHECK starts here")])
        }
    }
}
