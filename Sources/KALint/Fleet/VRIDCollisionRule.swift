import KAConfig

/// Two different clusters (or a cluster and a lone node) use the same VRID on the same segment:
/// same family, same multicast group, same interface name, and VIP subnets that coincide. Each
/// receives the other's adverts for "its" VRID and drops them as bad (the addresses or the
/// password differ) or, worse, accepts them, and the log fills with errors. Unicast instances
/// send adverts to their peers only and are left out; two instances of one node are
/// duplicate-vrid's business, so cluster pairs that share a node are skipped.
struct VRIDCollisionRule: FleetRule {
    let rule = LintRuleCatalogue.vridCollision

    struct SegmentKey: Hashable {
        var vrid: Int
        var interface: String
        var group: IPAddress
        var network: IPAddress
        var prefixLength: Int
    }

    struct NodeInstance: Hashable {
        var node: Int
        var instance: Int
    }

    struct PairKey: Hashable {
        var first: Int
        var second: Int
    }

    func check(_ fleet: Fleet) -> [Diagnostic] {
        guard fleet.nodes.count > 1 else { return [] }
        var clusterOf: [NodeInstance: Int] = [:]
        for (index, cluster) in fleet.clusters.enumerated() {
            for member in cluster { clusterOf[NodeInstance(node: member.node, instance: member.instance)] = index }
        }
        // Segment -> cluster id -> its members there (lone instances get ids past the clusters').
        var buckets: [SegmentKey: [Int: [ClusterMatcher.Member]]] = [:]
        var nextLoneID = fleet.clusters.count
        for (nodeIndex, node) in fleet.nodes.enumerated() {
            for (instanceIndex, instance) in node.model.instances.enumerated() {
                guard !instance.isUnicast, let vrid = instance.virtualRouterID, let interface = instance.interface else { continue }
                let member = ClusterMatcher.Member(
                    node: nodeIndex, instance: instanceIndex, name: instance.name, virtualRouterID: vrid,
                    addresses: instance.virtualAddresses.map { $0.address.description })
                let id: Int
                if let known = clusterOf[NodeInstance(node: nodeIndex, instance: instanceIndex)] {
                    id = known
                } else {
                    id = nextLoneID
                    nextLoneID += 1
                }
                let group = instance.isIPv6 ? node.model.globalDefs.multicastGroup6 : node.model.globalDefs.multicastGroup4
                var seen = Set<SegmentKey>()
                for address in instance.virtualAddresses where address.prefixLength < address.address.bitCount {
                    guard address.address.isIPv6 == instance.isIPv6 else { continue }
                    let key = SegmentKey(
                        vrid: vrid, interface: interface, group: group,
                        network: address.address.masked(to: address.prefixLength), prefixLength: address.prefixLength)
                    if seen.insert(key).inserted { buckets[key, default: [:]][id, default: []].append(member) }
                }
            }
        }
        var reported = Set<PairKey>()
        var found: [Diagnostic] = []
        for (key, clusters) in buckets where clusters.count > 1 {
            let ids = clusters.keys.sorted()
            for (position, firstID) in ids.enumerated() {
                for secondID in ids[(position + 1)...] {
                    let first = clusters[firstID] ?? []
                    let second = clusters[secondID] ?? []
                    guard Set(first.map(\.node)).isDisjoint(with: second.map(\.node)),
                        reported.insert(PairKey(first: firstID, second: secondID)).inserted,
                        let earlier = first.first, let later = second.first
                    else { continue }
                    found.append(diagnostic(key, later, other: earlier, fleet))
                }
            }
        }
        return found
    }

    func diagnostic(_ key: SegmentKey, _ member: ClusterMatcher.Member, other: ClusterMatcher.Member, _ fleet: Fleet) -> Diagnostic {
        let instance = fleet.instance(member)
        let otherInstance = fleet.instance(other)
        let otherName = fleet.nodeName(other)
        return Diagnostic(
            rule,
            "'\(instance.name)' uses VRID \(key.vrid) on \(key.interface) in \(key.network)/\(key.prefixLength), and so does "
                + "'\(otherInstance.name)' on \(otherName), a different VRRP router on the same segment (multicast group \(key.group)): "
                + "each receives the other's adverts for VRID \(key.vrid) and drops them as invalid, or takes them for its own peer's; "
                + "give one of them another virtual_router_id",
            at: fleet.span(member, keyword: "virtual_router_id"),
            related: [fleet.note(other, keyword: "virtual_router_id", "'\(otherInstance.name)' on \(otherName) uses VRID \(key.vrid)")])
    }
}

extension IPAddress {
    /// The network address of a prefix of this address.
    func masked(to prefixLength: Int) -> IPAddress {
        switch self {
        case .v4(let value):
            let bits = max(0, min(32, prefixLength))
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
            return .v4(value & mask)
        case .v6(let high, let low):
            let bits = max(0, min(128, prefixLength))
            let highMask: UInt64 = bits >= 64 ? ~0 : (bits == 0 ? 0 : ~UInt64(0) << UInt64(64 - bits))
            let lowMask: UInt64 = bits <= 64 ? 0 : (bits == 128 ? ~0 : ~UInt64(0) << UInt64(128 - bits))
            return .v6(high & highMask, low & lowMask)
        }
    }
}
