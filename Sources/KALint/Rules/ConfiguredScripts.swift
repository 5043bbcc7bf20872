import KAConfig

/// Every script keepalived would run from one configuration: each script keyword line (`script`,
/// `notify*`, `misc_path`, `quorum_up`, `startup_script`, ...) split the way 2.2.7 splits it, with
/// the user it names, if any (on its own line or in its vrrp_script / MISC_CHECK's `user`).
/// A notify line keepalived ignores (a second one of its kind in a block) runs nothing.
struct ConfiguredScript: Sendable {
    var statement: BoundStatement
    var command: ScriptCommand
    /// The user named for this script alone, if any.
    var ownUser: String?

    /// The command word as written (quoted or not), for locating findings.
    var commandWord: ExpandedWord { statement.words.count > 1 ? statement.words[1] : statement.words[0] }

    /// `script "</dev/tcp/...`-style lines only test that a path opens: keepalived runs nothing.
    var isFileTest: Bool {
        guard let first = command.argv.first, first.hasPrefix("<") else { return false }
        return first.dropFirst().drop { $0 == " " || $0 == "\t" }.hasPrefix("/")
    }

    static func all(in node: LintNode) -> [ConfiguredScript] { node.configuredScripts }

    /// The scripts of the statements at `indices` (the node's script statements, in order).
    static func all(in tree: BoundTree, context: StatementContext, indices: [Int]) -> [ConfiguredScript] {
        var scripts: [ConfiguredScript] = []
        // keepalived keeps only the first notify line of each kind in an instance or sync group.
        let notifyLines = indices.filter { IgnoredNotifyLines.keywords.contains(tree.statements[$0].keyword) }
        let ignored = Set(IgnoredNotifyLines.find(in: tree, lines: notifyLines, context: context).map(\.statement))
        for index in indices where !ignored.contains(index) {
            let statement = tree.statements[index]
            guard case .success(let parsed) = ScriptCommand.parse(line: statement.text), let command = parsed
            else { continue }
            var ownUser = command.user
            if ownUser == nil, let owner = context.enclosing(index, keywords: ["vrrp_script", "MISC_CHECK"]) {
                ownUser = context.children(of: owner).lazy.map { tree.statements[$0] }
                    .last { $0.keyword == "user" && $0.words.count > 1 }?.words[1].text
            }
            scripts.append(ConfiguredScript(statement: statement, command: command, ownUser: ownUser))
        }
        return scripts
    }
}
