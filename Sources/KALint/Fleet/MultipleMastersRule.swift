import KAConfig

/// More than one node of a cluster starts in state MASTER (written, or implied by priority 255).
/// Each adds the VIPs and sends gratuitous ARPs at start-up until the adverts sort it out, so the
/// addresses flap; only one node (the highest priority) should say MASTER.
struct MultipleMastersRule: FleetRule {
    let rule = LintRuleCatalogue.multipleMasters

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            let masters = cluster.filter { fleet.instance($0).state == .master }
            guard masters.count > 1, Set(masters.map(\.node)).count > 1 else { continue }
            // Keep the highest priority as "the" master; report the others.
            let keeper = masters.max { fleet.instance($0).priority < fleet.instance($1).priority } ?? masters[0]
            let keeperName = fleet.nodeName(keeper)
            for member in masters where member != keeper && member.node != keeper.node {
                let instance = fleet.instance(member)
                let implied = instance.stateConfigured == nil
                let priorities = instance.priority == fleet.instance(keeper).priority
                    ? "the one with the lower IP address (both have priority \(instance.priority))"
                    : "the lower priority one (\(instance.priority) here, \(fleet.instance(keeper).priority) there)"
                found.append(Diagnostic(
                    rule,
                    "'\(instance.name)' starts as MASTER here\(implied ? " (priority 255 implies it)" : "") and on \(keeperName) too: "
                        + "both add the VIPs and announce them at start-up until \(priorities) hears the other's adverts "
                        + "and backs off; use state BACKUP here",
                    at: fleet.span(member, keyword: implied ? "priority" : "state"),
                    related: [fleet.note(keeper, keyword: fleet.instance(keeper).stateConfigured == nil ? "priority" : "state",
                        "\(keeperName) also starts as MASTER")]))
            }
        }
        return found
    }
}
