import KAConfig

/// Finds which instances on different nodes form one VRRP cluster. Instances are the same cluster
/// when their VIP sets overlap or, failing that, when they share VRID and name. Union-find over
/// hash maps: near-linear in the number of instances and addresses.
public enum ClusterMatcher {
    /// What the matcher needs to know of one instance.
    public struct Member: Sendable, Hashable {
        public var node: Int
        public var instance: Int
        public var name: String
        public var virtualRouterID: Int?
        /// Canonical address texts of the VIPs (without prefix).
        public var addresses: [String]

        public init(node: Int, instance: Int, name: String, virtualRouterID: Int?, addresses: [String]) {
            self.node = node
            self.instance = instance
            self.name = name
            self.virtualRouterID = virtualRouterID
            self.addresses = addresses
        }
    }

    /// Clusters with members on at least two nodes, each sorted by node then instance; the list is
    /// sorted by its first member.
    public static func clusters(_ members: [Member]) -> [[Member]] {
        var parent = Array(members.indices)
        func find(_ index: Int) -> Int {
            var root = index
            while parent[root] != root { root = parent[root] }
            var cursor = index
            while parent[cursor] != root {
                let next = parent[cursor]
                parent[cursor] = root
                cursor = next
            }
            return root
        }
        func union(_ lhs: Int, _ rhs: Int) {
            let left = find(lhs)
            let right = find(rhs)
            if left != right { parent[max(left, right)] = min(left, right) }
        }

        // 1. VIP overlap across nodes.
        var firstByAddress: [String: Int] = [:]
        var matchedByAddress = [Bool](repeating: false, count: members.count)
        for (index, member) in members.enumerated() {
            for address in Set(member.addresses) {
                if let first = firstByAddress[address] {
                    if members[first].node != member.node {
                        union(first, index)
                        matchedByAddress[first] = true
                        matchedByAddress[index] = true
                    }
                } else {
                    firstByAddress[address] = index
                }
            }
        }
        // 2. Failing that: same VRID and name.
        struct Key: Hashable {
            var vrid: Int?
            var name: String
        }
        var firstByKey: [Key: Int] = [:]
        for (index, member) in members.enumerated() where !matchedByAddress[index] {
            let key = Key(vrid: member.virtualRouterID, name: member.name)
            if let first = firstByKey[key] {
                if members[first].node != member.node { union(first, index) }
            } else {
                firstByKey[key] = index
            }
        }
        var groups: [Int: [Member]] = [:]
        for index in members.indices { groups[find(index), default: []].append(members[index]) }
        return groups.values
            .filter { Set($0.map(\.node)).count > 1 }
            .map { $0.sorted { ($0.node, $0.instance) < ($1.node, $1.instance) } }
            .sorted { ($0[0].node, $0[0].instance) < ($1[0].node, $1[0].instance) }
    }
}
