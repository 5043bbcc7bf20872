import KAConfig

/// The instances of one cluster (same VIPs, or same name) use different virtual_router_id values:
/// keepalived treats them as unrelated routers, so no node hears the other and each becomes MASTER.
struct VRIDMismatchRule: FleetRule {
    let rule = LintRuleCatalogue.vridMismatch

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            for deviation in ClusterDeviation.find(in: cluster, { fleet.instance($0).virtualRouterID }) {
                let instance = fleet.instance(deviation.member)
                let other = fleet.nodeName(deviation.referenceMember)
                found.append(Diagnostic(
                    rule,
                    "'\(instance.name)' uses virtual_router_id \(deviation.value) here but \(deviation.reference) on \(other): "
                        + "keepalived treats them as two separate routers, neither node hears the other's adverts, "
                        + "and both become MASTER and claim \(vipSummary(instance))",
                    at: fleet.span(deviation.member, keyword: "virtual_router_id"),
                    related: [fleet.note(deviation.referenceMember, keyword: "virtual_router_id",
                        "\(other) uses virtual_router_id \(deviation.reference)")]))
            }
        }
        return found
    }

    func vipSummary(_ instance: VRRPInstance) -> String {
        guard let first = instance.virtualAddresses.first else { return "their addresses" }
        let more = instance.virtualAddresses.count - 1
        return first.address.description + (more > 0 ? " (and \(more) more)" : "")
    }
}
