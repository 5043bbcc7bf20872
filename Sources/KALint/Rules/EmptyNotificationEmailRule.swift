import KAConfig

/// `notification_email { }` with no address: keepalived 2.2.7 reports "Warning - empty
/// notification_email block" at the block's '}' and mails nobody.
struct EmptyNotificationEmailRule: LintRule {
    let rule = KeepalivedCheckCatalogue.emptyNotificationEmail

    func check(_ node: LintNode) -> [Diagnostic] {
        let ends = BlockEnds(node.expanded.lines)
        return node.statements(withKeywords: ["notification_email"]).compactMap { statement in
            guard statement.entries.allSatisfy(\.isEmpty) else { return nil }
            let end = ends.closingBrace(of: statement) ?? statement.origin
            return Diagnostic(
                rule,
                "notification_email lists no address: keepalived 2.2.7 reports \"Warning - empty notification_email "
                    + "block\" and sends no mail; add an address or remove the block",
                at: end.span, related: [statement.origin.note("the block starts here")])
        }
    }
}
