import KAConfig

/// Two nodes of one cluster have the same priority. When both want to be MASTER, keepalived (like
/// RFC 3768/5798) breaks the tie by the sender's primary IP address: the higher address wins,
/// which is rarely what anyone configured. Clusters where every tied node sets nopreempt are
/// left alone: "equal priorities, first node up keeps the VIP" is a deliberate design.
struct PriorityCollisionRule: FleetRule {
    let rule = LintRuleCatalogue.priorityCollision

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            var byPriority: [Int: [ClusterMatcher.Member]] = [:]
            for member in cluster { byPriority[fleet.instance(member).priority, default: []].append(member) }
            for (priority, tied) in byPriority.sorted(by: { $0.key > $1.key }) where Set(tied.map(\.node)).count > 1 {
                if tied.allSatisfy({ fleet.instance($0).effectiveNopreempt }) { continue }
                let first = tied[0]
                let firstName = fleet.nodeName(first)
                // The same note for every member tied with the first (located once).
                let note = fleet.note(
                    first, keyword: fleet.instance(first).priorityConfigured != nil ? "priority" : nil,
                    "\(firstName) also has priority \(priority)")
                for member in tied.dropFirst() where member.node != first.node {
                    let instance = fleet.instance(member)
                    let written = instance.priorityConfigured != nil
                    found.append(Diagnostic(
                        rule,
                        "'\(instance.name)' has priority \(priority)\(written ? "" : " (the default for its state)") here and on \(firstName): "
                            + "when both want to be MASTER, keepalived gives the tie to the node with the higher IP address, "
                            + "not to the one you meant; give each node its own priority",
                        at: fleet.span(member, keyword: written ? "priority" : nil),
                        related: [note]))
                }
            }
        }
        return found
    }
}
