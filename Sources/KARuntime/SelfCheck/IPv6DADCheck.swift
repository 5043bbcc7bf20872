import KAVRRP

/// Duplicate address detection trouble on the interfaces of IPv6 instances and VIPs: an address
/// that failed DAD (another host has it); a link-local address still tentative at start (VRRPv3
/// adverts go out from it and fail until DAD ends); a VIP added with DAD (`-nodad`) where DAD
/// runs: after each takeover it is unusable while tentative, and fails for good while the old
/// master still holds it.
enum IPv6DADCheck {
    static func run(plan: RuntimePlan, host: some HostReadings) -> [SelfCheckWarning] {
        var warnings: [SelfCheckWarning] = []
        var reportedInterfaces = Set<String>()
        for instance in plan.instances {
            let shell = plan.instancePlans[instance.name]
            let ipv6VIPs = (instance.virtualAddresses + instance.excludedVirtualAddresses).filter { $0.address.family == .ipv6 }
            var interfaces: [String] = []
            if instance.family == .ipv6, let interface = shell?.advertInterface { interfaces.append(interface) }
            for vip in ipv6VIPs {
                if let device = vip.device ?? shell?.defaultAddressDevice, !interfaces.contains(device) { interfaces.append(device) }
            }
            for interface in interfaces where reportedInterfaces.insert(interface).inserted {
                let addresses = host.addresses(interface).filter { $0.address.family == .ipv6 }
                for failed in addresses where failed.isDADFailed {
                    warnings.append(SelfCheckWarning(
                        subject: interface,
                        problem: "\(failed.address)/\(failed.prefixLength) failed duplicate address detection: another host on the link has it, "
                            + "and this one will not use it",
                        fix: "find the other holder, then ip addr del \(failed.address)/\(failed.prefixLength) dev \(interface) and add it again"))
                }
                if instance.family == .ipv6, interface == shell?.advertInterface,
                   let linkLocal = addresses.first(where: { $0.isIPv6LinkLocal }), linkLocal.isTentative, !linkLocal.isDADFailed {
                    warnings.append(SelfCheckWarning(
                        subject: interface,
                        problem: "the link-local address \(linkLocal.address) is still tentative (DAD running): VRRPv3 adverts sent from it fail until DAD ends",
                        fix: "start karun after network-online.target, or sysctl -w net.ipv6.conf.\(interface).accept_dad=0"))
                }
            }
            for vip in ipv6VIPs {
                guard let device = vip.device ?? shell?.defaultAddressDevice,
                      let model = shell?.addressDetails[vip], let spec = try? AddressSpec.from(model, ifindex: 0), !spec.noDAD else { continue }
                let all = host.sysctl("ipv6/conf/all/accept_dad").flatMap { Int($0) } ?? 0
                let own = host.sysctl("ipv6/conf/\(device)/accept_dad").flatMap { Int($0) } ?? 0
                guard max(all, own) > 0 else { continue }
                warnings.append(SelfCheckWarning(
                    subject: "(\(instance.name))",
                    problem: "VIP \(vip.address) is added with duplicate address detection (-nodad) on \(device), where accept_dad is \(max(all, own)): "
                        + "after each takeover it is unusable while tentative, and fails DAD while the old master still holds it",
                    fix: "drop -nodad from the VIP (karun, like keepalived, adds VIPs with nodad), or sysctl -w net.ipv6.conf.\(device).accept_dad=0"))
            }
        }
        return warnings
    }
}
