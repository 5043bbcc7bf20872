import KAConfig

/// A second `notify_master`, `notify_backup`, `notify_fault` or `notify` in one vrrp_instance or
/// vrrp_sync_group: keepalived 2.2.7 keeps the first and ignores the others ("notify_master script
/// already specified - ignoring ..."), so the script added last never runs.
struct DuplicateNotifyRule: LintRule {
    let rule = KeepalivedCheckCatalogue.duplicateNotify

    func check(_ node: LintNode) -> [Diagnostic] {
        IgnoredNotifyLines.find(in: node).map { ignored in
            let statement = node.bound.tree.statements[ignored.statement]
            let first = node.bound.tree.statements[ignored.first]
            let argument = statement.words.count > 1 ? statement.words[1].text : ""
            let quoted = ignored.isGroup
                ? "vrrp group \(ignored.owner): \(statement.keyword) script already specified - ignoring \(argument)"
                : "(\(ignored.owner)) \(statement.keyword) script already specified - ignoring \(argument)"
            return Diagnostic(
                rule,
                "second \(statement.keyword) in '\(ignored.owner)': keepalived 2.2.7 keeps the first one and reports \"\(quoted)\"; this script never runs (put both commands in one script)",
                at: statement.words[0].origin.span,
                related: [RelatedLocation(
                    file: first.origin.file, line: first.origin.line, column: first.origin.column,
                    message: "the \(statement.keyword) keepalived runs")])
        }
    }
}

/// The notify lines keepalived 2.2.7 ignores: every one after the first of its keyword in a
/// vrrp_instance or vrrp_sync_group (script-security must not count them as run either).
struct IgnoredNotifyLines {
    var statement: Int
    var first: Int
    var owner: String
    var isGroup: Bool

    static let keywords: Set<String> = ["notify_master", "notify_backup", "notify_fault", "notify"]

    /// Reads only the notify lines (through the node's keyword index) and the blocks they are in.
    static func find(in node: LintNode) -> [IgnoredNotifyLines] {
        find(in: node.bound.tree, lines: node.statementIndices(ofKeywords: keywords), context: node.statementContext)
    }

    static func find(in tree: BoundTree, lines: [Int], context: StatementContext) -> [IgnoredNotifyLines] {
        var ignored: [IgnoredNotifyLines] = []
        var firstOf: [Int: [String: Int]] = [:]
        for index in lines {
            let block = context.block(of: index)
            let kind = tree.blocks[block].specName
            guard kind == "vrrp_instance" || kind == "vrrp_sync_group", let opener = tree.blocks[block].opener else { continue }
            let keyword = tree.statements[index].keyword
            if let first = firstOf[block]?[keyword] {
                let words = tree.statements[opener].words
                ignored.append(IgnoredNotifyLines(
                    statement: index, first: first, owner: words.count > 1 ? words[1].text : "", isGroup: kind == "vrrp_sync_group"))
            } else {
                firstOf[block, default: [:]][keyword] = index
            }
        }
        return ignored
    }
}
