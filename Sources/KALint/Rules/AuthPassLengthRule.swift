import KAConfig

/// `auth_pass` longer than 8 characters: keepalived 2.2.7 truncates it to the first 8 and only
/// logs it, so a node with a different 9th character still authenticates, and a peer that is
/// not keepalived (or a later copy-paste) may not.
struct AuthPassLengthRule: LintRule {
    let rule = LintRuleCatalogue.authPassLength

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for instance in node.model.instances {
            guard let pass = instance.authentication?.pass, pass.utf8.count > 8,
                let statement = node.statement("auth_pass", inInstance: instance.name)
            else { continue }
            let effective = instance.authentication?.effectivePass ?? ""
            found.append(Diagnostic(
                rule,
                "auth_pass is \(pass.utf8.count) characters long; keepalived uses only the first 8: '\(effective)'",
                at: NodeAnalysis.span(of: statement, argument: 0),
                fixIts: fix(statement, effective)))
        }
        return found
    }

    /// Truncating changes nothing keepalived does, so it is safe; it only makes the truth visible.
    func fix(_ statement: BoundStatement, _ effective: String) -> [FixIt] {
        guard statement.words.count > 1, let range = statement.words[1].origin.byteRange, !statement.words[1].isQuoted,
            !statement.words[1].origin.isSubstituted
        else { return [] }
        return [FixIt(
            message: "write the 8 characters keepalived uses",
            edits: [TextEdit(file: statement.words[1].origin.file, range: range, replacement: effective)])]
    }
}
