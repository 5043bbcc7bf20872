import KAConfig

/// Some nodes of a cluster set nopreempt and others do not. Preemption is decided by the node
/// that comes back with the higher priority: if that node lacks nopreempt it takes the VIP back
/// anyway, so the nopreempt on the others changes nothing. Instances whose nopreempt keepalived
/// clears (state MASTER or priority 255; see nopreempt-ignored) are left out of the comparison.
struct NopreemptInconsistentRule: FleetRule {
    let rule = LintRuleCatalogue.nopreemptInconsistent

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            let compared = cluster.filter { member in
                let instance = fleet.instance(member)
                return !instance.nopreempt || instance.effectiveNopreempt
            }
            let with = compared.filter { fleet.instance($0).effectiveNopreempt }
            let without = compared.filter { !fleet.instance($0).effectiveNopreempt }
            guard let example = with.first, !without.isEmpty else { continue }
            let exampleName = fleet.nodeName(example)
            for member in without where member.node != example.node {
                let instance = fleet.instance(member)
                let higher = with.contains { fleet.instance($0).priority < instance.priority }
                let consequence = higher
                    ? "this node has the higher priority (\(instance.priority)), so when it comes back keepalived here takes the VIP back and the nopreempt there has no effect"
                    : "a node without nopreempt takes the VIP back whenever its priority is the higher one, so the VIP still moves back"
                found.append(Diagnostic(
                    rule,
                    "'\(instance.name)' has no nopreempt here but \(exampleName) sets it: \(consequence); set nopreempt on every node or on none",
                    at: fleet.span(member),
                    related: [fleet.note(example, keyword: "nopreempt", "\(exampleName) sets nopreempt")]))
            }
        }
        return found
    }
}
