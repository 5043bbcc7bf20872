import KAConfig

/// The VRRP traffic each instance of a node must receive, read off the model.
public enum FirewallNeeds {
    /// One need per instance, with the instance's index in `model.instances`.
    public static func needs(for node: LintNode) -> [(index: Int, need: VRRPTrafficNeed)] {
        let model = node.model
        let globals = model.globalDefs
        // Formatted once, not once per instance.
        let group4 = globals.multicastGroup4.description
        let group6 = globals.multicastGroup6.description
        return model.instances.indices.map { index in
            let instance = model.instances[index]
            let isIPv6 =
                instance.nativeIPv6 || instance.virtualAddresses.first?.address.isIPv6 == true
                || instance.unicastSourceIP?.isIPv6 == true || instance.unicastPeers.first?.address.isIPv6 == true
            let family: VRRPTrafficNeed.Family = isIPv6 ? .ipv6 : .ipv4
            let unicast = !instance.unicastPeers.isEmpty
            var group: String?
            if !unicast {
                if let configured = instance.other["mcast_dst_ip"]?.first {
                    group = configured
                } else {
                    group = isIPv6 ? group6 : group4
                }
            }
            let need = VRRPTrafficNeed(
                instance: instance.name, family: family, interface: instance.interface,
                usesAH: instance.authentication?.type == .ah && !isIPv6 && instance.version == 2,
                multicastGroup: group, unicastPeers: instance.unicastPeers.map { $0.address.description },
                localAddress: instance.unicastSourceIP?.description)
            return (index, need)
        }
    }
}
