import KAConfig

/// Every rule kalint runs. A rule is added here and documented in docs/rules/SLUG.md.
public enum RuleRegistry {
    public static let singleFile: [any LintRule] = ValueRules.all + ReferenceAndSecurityRules.all + KeepalivedChecks.all
        + [FirewallHintRule()]

    public static let fleet: [any FleetRule] = FleetRules.all

    /// Every diagnostic rule kalint can report: syntax, binding, lint, fleet, firewall.
    /// Built once per process: every SARIF document and every rule lookup reads it.
    public static let allRules: [DiagnosticRule] = {
        var rules = SyntaxRules.all + SemanticRules.all
        rules += singleFile.map(\.rule) + fleet.map(\.rule)
        rules += [LintRuleCatalogue.keywordTooNew, LintRuleCatalogue.firewallMissing]
        var seen = Set<String>()
        return rules.filter { seen.insert($0.code).inserted }.sorted { $0.code < $1.code }
    }()

    public static func rule(named id: String) -> DiagnosticRule? {
        allRules.first { $0.slug == id || $0.code == id.uppercased() }
    }
}
