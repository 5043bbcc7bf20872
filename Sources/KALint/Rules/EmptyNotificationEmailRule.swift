import KAConfig

/// `notification_email { }` with no address: keepalived 2.2.7 reports "Warning - empty
/// notification_email block" at the block's '}' and mails nobody.
struct EmptyNotificationEmailRule: LintRule {
    let rule = KeepalivedCheckCatalogue.emptyNotificationEmail

    func check(_ node: LintNode) -> [Diagnostic] {
        let tree = node.bound.tree
        return node.statementIndices(ofKeywords: ["notification_email"]).compactMap { index in
            let statement = tree.statements[index]
            guard statement.entries.allSatisfy({ $0.isEmpty }) else { return nil }
            let end = tree.closingBrace(of: index) ?? statement.origin
            return Diagnostic(
                rule,
                "notification_email lists no address: keepalived 2.2.7 reports \"Warning - empty notification_email "
                    + "block\" and sends no mail; add an address or remove the block",
                at: end.span, related: [statement.origin.note("the block starts here")])
        }
    }
}
