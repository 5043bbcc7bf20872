import KAConfig

/// Two nodes use the same global_defs router_id. keepalived names itself by it in notification
/// e-mails, SNMP and its logs, so the alerts of the two nodes cannot be told apart.
struct RouterIDDuplicateRule: FleetRule {
    let rule = LintRuleCatalogue.routerIDDuplicate

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var first: [String: Int] = [:]
        for (index, node) in fleet.nodes.enumerated() {
            guard let routerID = node.model.globalDefs.routerID, !routerID.isEmpty else { continue }
            guard let owner = first[routerID] else {
                first[routerID] = index
                continue
            }
            guard let span = fleet.globalSpan(node: index, keyword: "router_id") else { continue }
            let ownerName = fleet.nodes[owner].path
            var related: [RelatedLocation] = []
            if let ownerSpan = fleet.globalSpan(node: owner, keyword: "router_id") {
                related.append(Fleet.note(ownerSpan, "\(ownerName) uses router_id \(routerID)"))
            }
            found.append(Diagnostic(
                rule,
                "router_id '\(routerID)' is also used by \(ownerName): keepalived names the node by it in notification e-mails, "
                    + "SNMP and logs, so the two nodes' alerts cannot be told apart; give each node its own router_id",
                at: span, related: related))
        }
        return found
    }
}
