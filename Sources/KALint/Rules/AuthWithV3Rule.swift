import KAConfig

/// `authentication` in an instance that runs VRRPv3 (set by `version 3`, `vrrp_version 3`, or any
/// IPv6 instance by default): keepalived drops it, so nothing is authenticated. AH with IPv6 is
/// dropped too. Strict mode drops authentication first and is vrrp-strict-conflict's finding.
struct AuthWithV3Rule: LintRule {
    let rule = LintRuleCatalogue.authWithV3

    func check(_ node: LintNode) -> [Diagnostic] {
        let model = node.model
        return node.withInstances { instances in
            var found: [Diagnostic] = []
            for facts in node.instanceFacts {
                let instance = instances.at(facts.index)
                // The line is looked up only for an instance that has a finding.
                guard let authentication = instance.pointee.authentication, let type = authentication.type,
                    !facts.isStrict(model)
                else { continue }
                let isV3 = facts.effectiveVersion(model) == 3
                guard isV3 || (type == .ah && facts.effectiveFamily == .ipv6 && authentication.pass?.isEmpty == false),
                    let typeLine = facts.statement(.authType)
                else { continue }
                let name = instance.pointee.name
                let span = NodeAnalysis.span(of: typeLine, argument: 0)
                if isV3 {
                    found.append(Diagnostic(
                        rule,
                        "authentication \(type.rawValue) in VRRPv3 instance '\(name)' (\(versionReason(facts, node))): keepalived 2.2.7 reports \"VRRP version 3 does not support authentication. Ignoring.\" and sends and accepts adverts without it",
                        at: span))
                } else {
                    found.append(Diagnostic(
                        rule,
                        "AH authentication in IPv6 instance '\(name)': keepalived 2.2.7 reports \"Cannot use AH authentication with IPv6\" and runs without authentication",
                        at: span))
                }
            }
            return found
        }
    }

    func versionReason(_ facts: InstanceFacts, _ node: LintNode) -> String {
        if let line = facts.versionLines.last(where: { !$0.ignored && $0.version == 3 }) {
            return "version 3 on line \(facts.tree.statements[line.statement].origin.line)"
        }
        if facts.effectiveFamily == .ipv6 { return "IPv6 instances always run version 3" }
        return "vrrp_version 3 in global_defs"
    }
}
