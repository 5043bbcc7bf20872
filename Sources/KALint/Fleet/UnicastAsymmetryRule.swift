import KAConfig

/// Unicast instances only send adverts to the addresses in their `unicast_peer` list. A peer that
/// is not listed never hears this node and becomes MASTER too; a node listing its own address
/// sends adverts to itself; and a node using multicast in a unicast cluster (or the reverse)
/// sends adverts the unicast nodes never receive.
struct UnicastAsymmetryRule: FleetRule {
    let rule = LintRuleCatalogue.unicastAsymmetry

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            let unicast = cluster.filter { fleet.instance($0).isUnicast }
            guard !unicast.isEmpty else { continue }
            if unicast.count < cluster.count { found += mixed(cluster, unicast: unicast, fleet) }
            let addresses = Self.addresses(unicast, fleet)
            for (index, member) in unicast.enumerated() {
                found += selfListed(member, address: addresses[index], fleet)
                found += missingPeers(member, index: index, unicast: unicast, addresses: addresses, fleet)
            }
        }
        return found
    }

    /// Each unicast member's own address: its unicast_src_ip (or mcast_src_ip), else the one
    /// address the other members list that no member claims and it does not list itself.
    static func addresses(_ unicast: [ClusterMatcher.Member], _ fleet: Fleet) -> [IPAddress?] {
        var known = unicast.map { fleet.instance($0).sourceAddress }
        let claimed = Set(known.compactMap { $0 })
        for index in unicast.indices where known[index] == nil {
            let own = Set(fleet.instance(unicast[index]).unicastPeers.map(\.address))
            var candidates = Set<IPAddress>()
            for (other, member) in unicast.enumerated() where other != index {
                for peer in fleet.instance(member).unicastPeers where !claimed.contains(peer.address) && !own.contains(peer.address) {
                    candidates.insert(peer.address)
                }
            }
            if candidates.count == 1 { known[index] = candidates.first }
        }
        return known
    }

    /// `member` does not list the address of another unicast member of its cluster.
    func missingPeers(
        _ member: ClusterMatcher.Member, index: Int, unicast: [ClusterMatcher.Member], addresses: [IPAddress?], _ fleet: Fleet
    ) -> [Diagnostic] {
        let instance = fleet.instance(member)
        let listed = Set(instance.unicastPeers.map(\.address))
        let node = fleet.node(member)
        let statement = node.statement("unicast_peer", inInstance: instance.name)
        var found: [Diagnostic] = []
        var reported = Set<IPAddress>()
        for (other, peer) in unicast.enumerated() where other != index && peer.node != member.node {
            guard let address = addresses[other], address != addresses[index], !listed.contains(address),
                reported.insert(address).inserted
            else { continue }
            let peerName = fleet.nodeName(peer)
            let peerInstance = fleet.instance(peer)
            let how = peerInstance.sourceAddress == nil ? "the address the other nodes list for it" : "its unicast_src_ip"
            let fix = statement.flatMap { UnicastPeerFix.adding(address, to: $0, in: node) }
            found.append(Diagnostic(
                rule,
                "unicast_peer of '\(instance.name)' does not list \(address) (\(peerName), \(how)): "
                    + "keepalived sends adverts only to the listed peers, so \(peerName) never hears this node "
                    + "and, while this node is MASTER, becomes MASTER as well",
                at: statement.map { NodeAnalysis.span(of: $0, argument: 0) } ?? fleet.span(member),
                related: [Fleet.note(sourceSpan(peer, fleet), "\(peerName) uses \(address)")],
                fixIts: fix.map { [$0] } ?? []))
        }
        return found
    }

    /// `member` lists its own address as a peer.
    func selfListed(_ member: ClusterMatcher.Member, address: IPAddress?, _ fleet: Fleet) -> [Diagnostic] {
        let instance = fleet.instance(member)
        guard let address, let entry = instance.unicastPeers.first(where: { $0.address == address }) else { return [] }
        let span = entry.origin?.span ?? fleet.span(member, keyword: "unicast_peer")
        return [Diagnostic(
            rule,
            "unicast_peer of '\(instance.name)' lists \(address), this node's own address: keepalived sends an advert to "
                + "itself that no peer receives; another node's address was probably meant",
            at: span,
            related: [Fleet.note(sourceSpan(member, fleet), "this node's source address")])]
    }

    /// Members of a unicast cluster that use multicast.
    func mixed(_ cluster: [ClusterMatcher.Member], unicast: [ClusterMatcher.Member], _ fleet: Fleet) -> [Diagnostic] {
        let example = unicast[0]
        let exampleName = fleet.nodeName(example)
        return cluster.filter { !fleet.instance($0).isUnicast }.map { member in
            let instance = fleet.instance(member)
            return Diagnostic(
                rule,
                "'\(instance.name)' sends multicast adverts here but \(exampleName) uses unicast_peer: "
                    + "the unicast nodes never receive these adverts, so they can be MASTER at the same time as this node; "
                    + "give every node a unicast_peer list (or none)",
                at: fleet.span(member),
                related: [fleet.note(example, keyword: "unicast_peer", "\(exampleName) uses unicast")])
        }
    }

    /// The member's unicast_src_ip (or mcast_src_ip) word, else its instance name.
    func sourceSpan(_ member: ClusterMatcher.Member, _ fleet: Fleet) -> SourceSpan {
        let node = fleet.node(member)
        let name = fleet.instance(member).name
        for keyword in ["unicast_src_ip", "mcast_src_ip"] where node.statement(keyword, inInstance: name) != nil {
            return fleet.span(member, keyword: keyword)
        }
        return fleet.span(member)
    }
}
