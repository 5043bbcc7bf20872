import KAConfig

/// The instances of one cluster speak different VRRP versions: keepalived drops every advert
/// whose version differs from its own ("wrong version"), so each node becomes MASTER.
struct VersionMismatchRule: FleetRule {
    let rule = LintRuleCatalogue.versionMismatch

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            for deviation in ClusterDeviation.find(in: cluster, { fleet.instance($0).version }) {
                let instance = fleet.instance(deviation.member)
                let other = fleet.nodeName(deviation.referenceMember)
                found.append(Diagnostic(
                    rule,
                    "'\(instance.name)' speaks VRRP version \(deviation.value) here (\(source(deviation.member, fleet))) "
                        + "but version \(deviation.reference) on \(other): keepalived drops adverts of the other version "
                        + "(\"wrong version\"), so both nodes become MASTER",
                    at: span(deviation.member, fleet),
                    related: [Fleet.note(span(deviation.referenceMember, fleet), "\(other) speaks version \(deviation.reference)")]))
            }
        }
        return found
    }

    /// Where the version comes from, for the message.
    func source(_ member: ClusterMatcher.Member, _ fleet: Fleet) -> String {
        let instance = fleet.instance(member)
        if instance.isIPv6 { return "IPv6 always uses version 3" }
        if instance.versionConfigured != nil { return "its 'version'" }
        if fleet.globalSpan(node: member.node, keyword: "vrrp_version") != nil { return "global_defs vrrp_version" }
        return "the default"
    }

    /// The instance's `version` line, else global `vrrp_version`, else the instance name.
    func span(_ member: ClusterMatcher.Member, _ fleet: Fleet) -> SourceSpan {
        let instance = fleet.instance(member)
        if fleet.node(member).statement("version", inInstance: instance.name) != nil {
            return fleet.span(member, keyword: "version")
        }
        if !instance.isIPv6, let global = fleet.globalSpan(node: member.node, keyword: "vrrp_version") { return global }
        return fleet.span(member)
    }
}
