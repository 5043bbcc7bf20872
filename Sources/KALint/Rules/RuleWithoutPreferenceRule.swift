import KAConfig

/// An IP rule with no `preference` (`priority`, `order`): keepalived 2.2.7 numbers such rules
/// itself, counting down from 16384 per family, and reports "Rule has no preference specified -
/// setting to N. This is probably not what you want." The order then depends on the file's order.
struct RuleWithoutPreferenceRule: LintRule {
    let rule = KeepalivedCheckCatalogue.ruleWithoutPreference

    func check(_ node: LintNode) -> [Diagnostic] {
        RouteEntryWords.all(in: node, kind: .rule).compactMap { entry in
            guard entry.invalidAddresses.isEmpty, entry.keywords.isDisjoint(with: ["preference", "priority", "order"]),
                let first = entry.words.first
            else { return nil }
            return Diagnostic(
                rule,
                "this rule has no preference: keepalived 2.2.7 reports \"Rule has no preference specified - setting to "
                    + "16384 (counting down). This is probably not what you want.\"; add 'preference N'",
                at: first.origin.span)
        }
    }
}
