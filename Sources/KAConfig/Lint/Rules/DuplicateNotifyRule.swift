/// A second `notify_master`, `notify_backup`, `notify_fault` or `notify` in one vrrp_instance or
/// vrrp_sync_group: keepalived 2.2.7 keeps the first and ignores the others ("notify_master script
/// already specified - ignoring ..."), so the script added last never runs.
struct DuplicateNotifyRule: LintRule {
    let rule = KeepalivedCheckCatalogue.duplicateNotify

    func check(_ node: NodeAnalysis) -> [Diagnostic] {
        IgnoredNotifyLines.find(in: node.bound.tree).map { ignored in
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

    static func find(in tree: BoundTree) -> [IgnoredNotifyLines] {
        var ignored: [IgnoredNotifyLines] = []
        for block in tree.blocks.indices {
            let kind = tree.blocks[block].specName
            guard kind == "vrrp_instance" || kind == "vrrp_sync_group", let opener = tree.blocks[block].opener else { continue }
            let words = tree.statements[opener].words
            let owner = words.count > 1 ? words[1].text : ""
            var firstOf: [String: Int] = [:]
            for index in tree.blocks[block].statements {
                let keyword = tree.statements[index].keyword
                guard keywords.contains(keyword) else { continue }
                if let first = firstOf[keyword] {
                    ignored.append(IgnoredNotifyLines(statement: index, first: first, owner: owner, isGroup: kind == "vrrp_sync_group"))
                } else {
                    firstOf[keyword] = index
                }
            }
        }
        return ignored
    }
}
