/// Sysctls that break an IPv4 VMAC after karun applied keepalived's settings (writes that failed,
/// a read-only /proc/sys, or values changed later): the kernel uses the larger of `all` and the
/// interface for rp_filter and arp_ignore, and either for arp_filter.
enum VMACSysctlCheck {
    static func run(plan: RuntimePlan, host: some HostReadings) -> [SelfCheckWarning] {
        var warnings: [SelfCheckWarning] = []
        for instance in plan.instances where instance.family == .ipv4 {
            guard let shell = plan.instancePlans[instance.name], let vmac = shell.vmac, let base = shell.interface else { continue }
            func value(_ interface: String, _ key: String) -> Int? {
                host.sysctl("ipv4/conf/\(interface)/\(key)").flatMap { Int($0) }
            }
            let subject = "(\(instance.name))"
            // sysctl(8) spells a dot inside an interface name as a slash (vrrp.51 → vrrp/51).
            let vmacKey = String(vmac.name.map { $0 == "." ? "/" : $0 })
            let baseKey = String(base.map { $0 == "." ? "/" : $0 })
            if let all = value("all", "rp_filter"), let own = value(vmac.name, "rp_filter"), max(all, own) != 0 {
                warnings.append(SelfCheckWarning(
                    subject: subject,
                    problem: "rp_filter is \(max(all, own)) on VMAC \(vmac.name) (all \(all), \(vmac.name) \(own)): "
                        + "adverts and traffic arriving on the VMAC from addresses routed via \(base) are dropped",
                    fix: "sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.\(vmacKey).rp_filter=0 "
                        + "(raise other interfaces to the old all value to keep their filtering)"))
            }
            if let all = value("all", "arp_ignore"), let own = value(vmac.name, "arp_ignore"), max(all, own) > 2 {
                warnings.append(SelfCheckWarning(
                    subject: subject,
                    problem: "arp_ignore is \(max(all, own)) on VMAC \(vmac.name) (all \(all)): the VMAC does not answer ARP for its VIPs",
                    fix: "sysctl -w net.ipv4.conf.all.arp_ignore=0 net.ipv4.conf.\(vmacKey).arp_ignore=1"))
            }
            if let all = value("all", "arp_ignore"), let own = value(base, "arp_ignore"), max(all, own) == 0 {
                warnings.append(SelfCheckWarning(
                    subject: subject,
                    problem: "arp_ignore is 0 on \(base), the VMAC's base: \(base) answers ARP for the VIPs with its own MAC, "
                        + "so clients do not learn the virtual MAC",
                    fix: "sysctl -w net.ipv4.conf.\(baseKey).arp_ignore=1"))
            }
            if let all = value("all", "arp_filter"), let own = value(vmac.name, "arp_filter"), all != 0 || own != 0 {
                warnings.append(SelfCheckWarning(
                    subject: subject,
                    problem: "arp_filter is on for VMAC \(vmac.name) (all \(all), \(vmac.name) \(own)): the route back to a client "
                        + "leaves through \(base), so the VMAC does not answer its ARP requests",
                    fix: "sysctl -w net.ipv4.conf.all.arp_filter=0 net.ipv4.conf.\(vmacKey).arp_filter=0 net.ipv4.conf.\(baseKey).arp_filter=1"))
            }
        }
        return warnings
    }
}
