import KAVRRP

/// Multicast adverts sent over a local bridge that snoops multicast and has no querier: the
/// bridge forwards a snooped group only to ports that reported membership, and without a querier
/// nobody asks for reports again, so memberships expire (260 s by default) and the adverts stop
/// reaching the other routers. The Linux bridge floods 224.0.0.0/24 and ff02::1 whatever it
/// snoops, so IPv4 VRRP's 224.0.0.18 is spared; ff02::12 and other groups are not.
enum BridgeSnoopingCheck {
    static func run(plan: RuntimePlan, host: some HostReadings) -> [SelfCheckWarning] {
        var warnings: [SelfCheckWarning] = []
        for instance in plan.instances where !instance.isUnicast {
            let group = instance.multicastGroup ?? .vrrpMulticastGroup(for: instance.family)
            guard !alwaysFlooded(group), let interface = plan.instancePlans[instance.name]?.interface,
                  let bridge = host.bridge(interface), bridge.multicastSnooping, !bridge.multicastQuerier else { continue }
            warnings.append(SelfCheckWarning(
                subject: "(\(instance.name))",
                problem: "bridge \(interface) snoops multicast and is no querier: unless another querier runs on the segment, "
                    + "memberships of \(group) expire and the adverts stop reaching the other routers",
                fix: "ip link set \(interface) type bridge mcast_querier 1 (or mcast_snooping 0)"))
        }
        return warnings
    }

    /// Groups a Linux bridge floods to every port, snooping or not.
    static func alwaysFlooded(_ group: IPAddress) -> Bool {
        let bytes = group.bytes
        if bytes.count == 4 { return bytes[0] == 224 && bytes[1] == 0 && bytes[2] == 0 }
        return group == "ff02::1"
    }
}
