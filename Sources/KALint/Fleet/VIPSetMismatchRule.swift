import KAConfig

/// The instances of one cluster configure different virtual_ipaddress sets. Every advert carries
/// the sender's address list and keepalived drops one that does not match its own ("received an
/// unexpected ip number count" / "ip address associated with VRID not present in MASTER advert"),
/// so the nodes never agree on a master and each claims its addresses.
struct VIPSetMismatchRule: FleetRule {
    let rule = LintRuleCatalogue.vipSetMismatch
    /// At most this many notes point at the other node's missing addresses.
    let maximumAddressNotes = 5

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            let deviations = ClusterDeviation.find(in: cluster) { member in
                Set(fleet.instance(member).virtualAddresses.map(\.address))
            }
            for deviation in deviations {
                found.append(diagnostic(deviation, fleet))
            }
        }
        return found
    }

    func diagnostic(_ deviation: ClusterDeviation<Set<IPAddress>>, _ fleet: Fleet) -> Diagnostic {
        let instance = fleet.instance(deviation.member)
        let other = fleet.nodeName(deviation.referenceMember)
        let missing = deviation.reference.subtracting(deviation.value).sorted()
        let extra = deviation.value.subtracting(deviation.reference).sorted()
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks " + list(missing)) }
        if !extra.isEmpty { parts.append("adds " + list(extra)) }
        var related = [fleet.note(deviation.referenceMember, keyword: "virtual_ipaddress",
            "\(other) configures \(deviation.reference.count) address\(deviation.reference.count == 1 ? "" : "es")")]
        let referenceInstance = fleet.instance(deviation.referenceMember)
        for address in missing.prefix(maximumAddressNotes) {
            if let origin = referenceInstance.virtualAddresses.first(where: { $0.address == address })?.origin {
                related.append(Fleet.note(origin.span, "\(address) is configured on \(other)"))
            }
        }
        return Diagnostic(
            rule,
            "'\(instance.name)' here " + parts.joined(separator: " and ") + " compared with \(other): "
                + "keepalived drops adverts whose address list differs from its own, "
                + "so neither node accepts the other as master and both claim their addresses",
            at: span(deviation.member, fleet),
            related: related)
    }

    func list(_ addresses: [IPAddress]) -> String {
        let shown = addresses.prefix(4).map(\.description).joined(separator: ", ")
        return addresses.count > 4 ? shown + " (and \(addresses.count - 4) more)" : shown
    }

    func span(_ member: ClusterMatcher.Member, _ fleet: Fleet) -> SourceSpan {
        fleet.span(member, keyword: "virtual_ipaddress")
    }
}
