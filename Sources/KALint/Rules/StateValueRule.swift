import KAConfig

/// `state` other than MASTER or BACKUP (keepalived compares case-sensitively and falls back to
/// BACKUP), and `state BACKUP` after `state MASTER` (keepalived keeps MASTER).
struct StateValueRule: LintRule {
    let rule = LintRuleCatalogue.stateValue

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The node's statements once, not through each instance: both rule threads would count
        // references on the same arrays once an instance.
        let tree = node.bound.tree
        for facts in node.instanceFacts {
            // The usual instance: one state line, MASTER or BACKUP.
            if facts.stateLines.count == 1, let only = facts.stateLines.first, tree.statements[only.statement].words.count > 1 {
                let text = tree.statements[only.statement].words[1].text
                if text == "MASTER" || text == "BACKUP" { continue }
            }
            let instance = facts.instance
            var masterLine: BoundStatement?
            for line in facts.stateLines where tree.statements[line.statement].words.count > 1 {
                let statement = tree.statements[line.statement]
                let word = statement.words[1]
                switch word.text {
                case "MASTER":
                    masterLine = statement
                case "BACKUP":
                    guard let master = masterLine else { break }
                    found.append(Diagnostic(
                        rule,
                        "state BACKUP after state MASTER: keepalived 2.2.7 reports \"state previously set as MASTER - ignoring BACKUP\" and starts '\(instance.name)' as MASTER",
                        at: word.origin.span, severity: .warning,
                        related: [RelatedLocation(
                            file: master.origin.file, line: master.origin.line, column: master.origin.column,
                            message: "state MASTER set here")]))
                default:
                    let upper = word.text.uppercased()
                    let hint = (upper == "MASTER" || upper == "BACKUP") ? "; write '\(upper)'" : ""
                    found.append(Diagnostic(
                        rule,
                        "unknown state '\(word.text)': keepalived 2.2.7 compares it case-sensitively with MASTER and BACKUP, reports \"unknown state '\(word.text)', defaulting to BACKUP\" and starts '\(instance.name)' as BACKUP\(hint)",
                        at: word.origin.span, fixIts: fix(word, upper)))
                    masterLine = nil
                }
            }
        }
        return found
    }

    /// Only a change of case of a literal word: the intent is unambiguous.
    func fix(_ word: ExpandedWord, _ upper: String) -> [FixIt] {
        guard upper == "MASTER" || upper == "BACKUP", let range = word.origin.byteRange, !word.isQuoted,
            !word.origin.isSubstituted
        else { return [] }
        return [FixIt(
            message: "write '\(upper)'", edits: [TextEdit(file: word.origin.file, range: range, replacement: upper)])]
    }
}
