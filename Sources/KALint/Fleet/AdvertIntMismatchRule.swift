import KAConfig

/// The instances of one cluster use different advert_int values. With VRRPv2 keepalived drops
/// every advert whose interval differs from its own ("advertisement interval mismatch"), so the
/// backups never hear the master and become MASTER too. With VRRPv3 a backup adopts the master's
/// interval (RFC 5798), so it works, but the failover time depends on which node is master.
struct AdvertIntMismatchRule: FleetRule {
    let rule = LintRuleCatalogue.advertIntMismatch

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters where fleet.versionsAgree(cluster) {
            for deviation in ClusterDeviation.find(in: cluster, { fleet.instance($0).advertIntervalMicroseconds }) {
                let instance = fleet.instance(deviation.member)
                let other = fleet.nodeName(deviation.referenceMember)
                let mine = secondsText(microseconds: deviation.value)
                let theirs = secondsText(microseconds: deviation.reference)
                let v3 = instance.version == 3
                let consequence = v3
                    ? "with VRRPv3 a backup adopts the master's interval, so failover works, but how fast a dead master is noticed depends on which node is master"
                    : "keepalived (VRRPv2) drops adverts with another interval (\"advertisement interval mismatch\"), so the backups never hear the master and both nodes become MASTER"
                found.append(Diagnostic(
                    rule,
                    "'\(instance.name)' uses advert_int \(mine) here but \(theirs) on \(other): \(consequence)",
                    at: fleet.span(deviation.member, keyword: "advert_int"),
                    severity: v3 ? .warning : nil,
                    related: [fleet.note(deviation.referenceMember, keyword: "advert_int", "\(other) uses advert_int \(theirs)")]))
            }
        }
        return found
    }
}
