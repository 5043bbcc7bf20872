import KAConfig

/// Instances that form clusters are grouped differently on different nodes. A sync group moves
/// its instances together (one goes to FAULT or BACKUP, all do); if node 1 syncs VI_1 with VI_2
/// and node 2 does not, a failure can leave VI_1's addresses on one node and VI_2's on the other,
/// which is what the sync group was meant to prevent.
struct SyncGroupMismatchRule: FleetRule {
    let rule = LintRuleCatalogue.syncGroupMismatch

    /// Where an instance sits in a sync group on its node.
    struct Placement: Hashable {
        /// The clusters of the other instances in its sync group (none when not grouped).
        var partners: Set<Int>
    }

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var clusterOf: [ClusterKey: Int] = [:]
        for (index, cluster) in fleet.clusters.enumerated() {
            for member in cluster { clusterOf[ClusterKey(node: member.node, instance: member.instance)] = index }
        }
        let groups = fleet.nodes.map(Self.groupByInstance)
        let indexByName = fleet.nodes.map { node in
            Dictionary(node.model.instances.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            let deviations = ClusterDeviation.find(in: cluster) { member in
                placement(member, fleet, groups: groups[member.node], indexByName: indexByName[member.node], clusterOf: clusterOf)
            }
            for deviation in deviations {
                found.append(diagnostic(deviation, fleet, groups: groups))
            }
        }
        return found
    }

    struct ClusterKey: Hashable {
        var node: Int
        var instance: Int
    }

    /// Instance name -> its sync group (the first that lists it, as keepalived keeps one).
    static func groupByInstance(_ node: LintNode) -> [String: VRRPSyncGroup] {
        var result: [String: VRRPSyncGroup] = [:]
        for group in node.model.syncGroups {
            for name in group.resolvedMembers where result[name] == nil { result[name] = group }
        }
        return result
    }

    func placement(
        _ member: ClusterMatcher.Member, _ fleet: Fleet, groups: [String: VRRPSyncGroup], indexByName: [String: Int],
        clusterOf: [ClusterKey: Int]
    ) -> Placement {
        let name = fleet.instance(member).name
        guard let group = groups[name] else { return Placement(partners: []) }
        var partners = Set<Int>()
        for other in group.resolvedMembers where other != name {
            guard let index = indexByName[other],
                let cluster = clusterOf[ClusterKey(node: member.node, instance: index)]
            else { continue }
            partners.insert(cluster)
        }
        return Placement(partners: partners)
    }

    func diagnostic(_ deviation: ClusterDeviation<Placement>, _ fleet: Fleet, groups: [[String: VRRPSyncGroup]]) -> Diagnostic {
        let instance = fleet.instance(deviation.member)
        let otherName = fleet.nodeName(deviation.referenceMember)
        let here = describe(deviation.member, fleet, groups: groups)
        let there = describe(deviation.referenceMember, fleet, groups: groups)
        return Diagnostic(
            rule,
            "'\(instance.name)' is \(here) here but \(there) on \(otherName): the instances a sync group moves together "
                + "differ between the nodes, so after a failure the addresses of instances meant to stay together can end up on different nodes",
            at: span(deviation.member, fleet, groups: groups),
            related: [Fleet.note(span(deviation.referenceMember, fleet, groups: groups), "on \(otherName) it is \(there)")])
    }

    func describe(_ member: ClusterMatcher.Member, _ fleet: Fleet, groups: [[String: VRRPSyncGroup]]) -> String {
        let name = fleet.instance(member).name
        guard let group = groups[member.node][name] else { return "in no sync group" }
        let mates = group.resolvedMembers.filter { $0 != name }
        return "in sync group '\(group.name)'" + (mates.isEmpty ? " alone" : " with " + mates.joined(separator: ", "))
    }

    /// The instance's entry in its sync group's `group` block, else the instance name.
    func span(_ member: ClusterMatcher.Member, _ fleet: Fleet, groups: [[String: VRRPSyncGroup]]) -> SourceSpan {
        let node = fleet.node(member)
        let name = fleet.instance(member).name
        if let group = groups[member.node][name] {
            for (block, opener) in node.blocks(ofKind: "vrrp_sync_group") where opener.word(1) == group.name {
                for statement in node.statements("group", inBlock: block) {
                    if let word = statement.entries.joined().first(where: { $0.text == name }) { return word.origin.span }
                }
                return NodeAnalysis.span(of: opener, argument: 0)
            }
        }
        return fleet.span(member)
    }
}
