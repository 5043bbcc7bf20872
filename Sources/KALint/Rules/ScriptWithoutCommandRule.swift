import KAConfig

/// A vrrp_script block without a `script` line (often one whose only `script` lines are `@id`
/// conditional and the id does not match). keepalived 2.2.7 reports "No script set for
/// vrrp_script NAME - removing" at the block's '}', and every later `track_script` naming it then
/// reports "track script NAME not found, ignoring...": the instance runs without the check.
struct ScriptWithoutCommandRule: LintRule {
    let rule = KeepalivedCheckCatalogue.scriptWithoutCommand

    func check(_ node: LintNode) -> [Diagnostic] {
        let tree = node.bound.tree
        let context = node.statementContext
        let index = node.trackerIndex
        var found: [Diagnostic] = []
        let scripts = (index.definitions[.script] ?? [:]).values.sorted { $0.statement < $1.statement }
        for definition in scripts {
            let hasCommand = context.children(of: definition.statement).contains {
                tree.statements[$0].keyword == "script" && tree.statements[$0].words.count > 1
            }
            guard !hasCommand else { continue }
            let end = tree.closingBrace(of: definition.statement) ?? definition.nameWord.origin
            found.append(Diagnostic(
                rule,
                "vrrp_script '\(definition.name)' has no 'script' line: keepalived 2.2.7 reports \"No script set for "
                    + "vrrp_script \(definition.name) - removing\" and drops it, so nothing tracks it; add the command",
                at: end.span, related: [definition.nameWord.origin.note("the vrrp_script is defined here")]))
            // References above the definition are undefined-reference's finding.
            for reference in index.references
            where reference.kind == .script && reference.name == definition.name && reference.statement > definition.statement {
                found.append(Diagnostic(
                    rule,
                    "vrrp_script '\(definition.name)' is removed by keepalived (it has no 'script' line): keepalived "
                        + "reports \"track script \(definition.name) not found, ignoring...\" and runs without this check",
                    at: reference.word.origin.span, related: [end.note("the vrrp_script ends here without a script")]))
            }
        }
        return found
    }
}
