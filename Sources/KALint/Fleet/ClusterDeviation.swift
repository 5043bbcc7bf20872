import KAConfig

/// A member of a cluster whose value differs from the one most members use.
struct ClusterDeviation<Value: Hashable> {
    var member: ClusterMatcher.Member
    var value: Value
    var reference: Value
    /// The first member that holds the reference value (for the related note).
    var referenceMember: ClusterMatcher.Member

    /// The members whose `value` differs from the consensus; members with no value are skipped.
    static func find(in cluster: [ClusterMatcher.Member], _ value: (ClusterMatcher.Member) -> Value?) -> [ClusterDeviation] {
        let valued = cluster.compactMap { member in value(member).map { (member: member, value: $0) } }
        guard let reference = Consensus.reference(valued.map(\.value)),
            let referenceMember = valued.first(where: { $0.value == reference })?.member
        else { return [] }
        return valued.filter { $0.value != reference }.map {
            ClusterDeviation(member: $0.member, value: $0.value, reference: reference, referenceMember: referenceMember)
        }
    }
}

extension Fleet {
    /// Whether every member of the cluster speaks the same VRRP version (other mismatches are
    /// consequences when they do not, so those rules stay quiet and version-mismatch speaks).
    func versionsAgree(_ cluster: [ClusterMatcher.Member]) -> Bool {
        Set(cluster.map { instance($0).version }).count <= 1
    }
}
