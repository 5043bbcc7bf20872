import KAConfig

/// The VRRP traffic each instance of a node must receive, read off the model.
public enum FirewallNeeds {
    /// One need per instance, with the instance's index in `model.instances`.
    public static func needs(for node: LintNode) -> [(index: Int, need: VRRPTrafficNeed)] {
        var index = -1
        return trafficNeeds(for: node).map { need in
            index += 1
            return (index, need)
        }
    }

    /// One need per instance, aligned with `model.instances` (made in place: no pair to unpack,
    /// each need's strings counted once).
    public static func trafficNeeds(for node: LintNode) -> [VRRPTrafficNeed] {
        let reader = NeedReader(node.model.globalDefs)
        return node.model.instances.withUnsafeBufferPointer { instances in
            instances.indices.map { reader.need(of: instances.baseAddress! + $0) }
        }
    }

    /// The instances grouped by the traffic they need, each instance's need made and dropped in
    /// turn: a node's hint holds the groups' first needs and an index per instance, not a need
    /// per instance (80 bytes each, 1.8 MB at 20,000 instances).
    static func groups(for node: LintNode) -> [FirewallHints.NeedGroup] {
        let reader = NeedReader(node.model.globalDefs)
        var grouping = FirewallHints.NeedGrouping()
        node.model.instances.withUnsafeBufferPointer { instances in
            for index in instances.indices {
                var need = reader.need(of: instances.baseAddress! + index)
                grouping.add(&need, index: index)
            }
        }
        return grouping.groups
    }

    /// Reads an instance's need off the model.
    private struct NeedReader {
        // Formatted once, not once per instance.
        let group4: String
        let group6: String

        init(_ globals: GlobalDefs) {
            group4 = globals.multicastGroup4.description
            group6 = globals.multicastGroup6.description
        }

        /// Each field is read in place through the pointer: a copy of the whole instance (dozens
        /// of references) per instance was a third of the rule's time. Measured with callgrind,
        /// every other form copies it: the array's or the buffer's subscript, a `borrowing`
        /// parameter (also inlined), a method called through `pointee`.
        func need(of instance: UnsafePointer<VRRPInstance>) -> VRRPTrafficNeed {
            let isIPv6 =
                instance.pointee.nativeIPv6 || instance.pointee.virtualAddresses.first?.address.isIPv6 == true
                || instance.pointee.unicastSourceIP?.isIPv6 == true || instance.pointee.unicastPeers.first?.address.isIPv6 == true
            let family: VRRPTrafficNeed.Family = isIPv6 ? .ipv6 : .ipv4
            let unicast = !instance.pointee.unicastPeers.isEmpty
            var group: String?
            if !unicast {
                if let configured = instance.pointee.other["mcast_dst_ip"]?.first {
                    group = configured
                } else {
                    group = isIPv6 ? group6 : group4
                }
            }
            return VRRPTrafficNeed(
                instance: instance.pointee.name, family: family, interface: instance.pointee.interface,
                usesAH: instance.pointee.authentication?.type == .ah && !isIPv6 && instance.pointee.version == 2,
                multicastGroup: group, unicastPeers: instance.pointee.unicastPeers.map { $0.address.description },
                localAddress: instance.pointee.unicastSourceIP?.description)
        }
    }
}
