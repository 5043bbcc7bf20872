import KAConfig

/// `interval 0` in a vrrp_script: keepalived 2.2.7 reports "(NAME): vrrp script interval must be
/// greater than 0, setting to 1" and runs the script every second.
struct ScriptIntervalZeroRule: LintRule {
    let rule = KeepalivedCheckCatalogue.scriptIntervalZero

    func check(_ node: LintNode) -> [Diagnostic] {
        let tree = node.bound.tree
        let context = node.statementContext
        return node.statementIndices(ofKeywords: ["interval"]).compactMap { index in
            let statement = tree.statements[index]
            guard statement.keyword == "interval", statement.value(0)?.number == 0,
                let script = context.enclosing(index, keywords: ["vrrp_script"])
            else { return nil }
            let name = tree.statements[script].word(1) ?? "?"
            return Diagnostic(
                rule,
                "interval 0: keepalived 2.2.7 reports \"(\(name)): vrrp script interval must be greater than 0, setting "
                    + "to 1\" and runs the script every second; write the interval you mean (1 or more)",
                at: NodeAnalysis.span(of: statement, argument: 0))
        }
    }
}
