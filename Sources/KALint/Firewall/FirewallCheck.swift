import KAConfig

/// `kalint --firewall FILE`: checks each node's VRRP traffic against a saved ruleset and reports
/// `firewall-missing` where the adverts would be dropped (or where the ruleset does not cover them).
public enum FirewallCheck {
    public static func check(_ nodes: [LintNode], ruleset text: String, rulesetPath: String) -> [Diagnostic] {
        let ruleset = FirewallRuleset.parse(text)
        var found: [Diagnostic] = []
        for node in nodes {
            for (index, need) in FirewallNeeds.needs(for: node) {
                let instance = node.model.instances[index]
                let verdict = ruleset.verdict(for: need, peer: nil)
                if verdict.accepted && verdict.covered { continue }
                var related: [RelatedLocation] = []
                if let line = verdict.line {
                    related.append(RelatedLocation(file: rulesetPath, line: line, column: 1, message: "the rule or policy that decides"))
                }
                let fix = FirewallHints.nftables(for: [need]).last.map { " (allow it with: \($0))" } ?? ""
                let message = verdict.covered
                    ? "'\(instance.name)': the firewall ruleset drops its VRRP adverts: \(verdict.reason)\(fix)"
                    : "'\(instance.name)': the firewall ruleset does not cover its VRRP adverts: \(verdict.reason)"
                found.append(Diagnostic(
                    LintRuleCatalogue.firewallMissing, message, at: node.instanceSpan(instance),
                    severity: verdict.covered ? .error : .warning, related: related))
            }
        }
        return found
    }
}
