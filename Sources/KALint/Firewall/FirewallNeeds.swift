import KAConfig

/// The VRRP traffic each instance of a node must receive, read off the model.
public enum FirewallNeeds {
    /// One need per instance, with the instance's index in `model.instances`.
    public static func needs(for node: LintNode) -> [(index: Int, need: VRRPTrafficNeed)] {
        let model = node.model
        let globals = model.globalDefs
        // Formatted once, not once per instance.
        let groups = (ipv4: globals.multicastGroup4.description, ipv6: globals.multicastGroup6.description)
        return model.instances.indices.map { index in (index, need(of: model.instances[index], groups: groups)) }
    }

    /// Borrowed, the instance's fields are read in place: a copy of the whole instance (dozens
    /// of references) per instance was a third of the rule's time.
    private static func need(of instance: borrowing VRRPInstance, groups: (ipv4: String, ipv6: String)) -> VRRPTrafficNeed {
        let isIPv6 =
            instance.nativeIPv6 || instance.virtualAddresses.first?.address.isIPv6 == true
            || instance.unicastSourceIP?.isIPv6 == true || instance.unicastPeers.first?.address.isIPv6 == true
        var group: String?
        if instance.unicastPeers.isEmpty {
            group = instance.other["mcast_dst_ip"]?.first ?? (isIPv6 ? groups.ipv6 : groups.ipv4)
        }
        return VRRPTrafficNeed(
            instance: instance.name, family: isIPv6 ? .ipv6 : .ipv4, interface: instance.interface,
            usesAH: instance.authentication?.type == .ah && !isIPv6 && instance.version == 2,
            multicastGroup: group, unicastPeers: instance.unicastPeers.map { $0.address.description },
            localAddress: instance.unicastSourceIP?.description)
    }
}
