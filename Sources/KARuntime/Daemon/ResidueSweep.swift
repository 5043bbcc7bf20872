import KAVRRP
import Logging

/// What a killed run left in the kernel, and its removal: at start and with `karun cleanup
/// CONFIG` (systemd's ExecStopPost).
///
/// Removed, in this order:
/// - the configuration's VIPs where the plan puts them, tagged or not (keepalived 2.2.7 does this
///   for its own VIPs at start, and tags none);
/// - every address tagged with keepalived's IFA_PROTO on an interface the configuration uses: a
///   VIP the killed run held that the configuration has since dropped (a tag means karun or
///   keepalived ≥ 2.3.2 added it; one VRRP daemon runs per network namespace);
/// - every route and rule with protocol 18 (RTPROT_KEEPALIVED), which only VRRP daemons use;
/// - with `removeVMACs` (cleanup, not start, where VMACs are reused): the configuration's VMACs.
struct ResidueSweep {
    let netlink: RouteNetlink
    let plan: RuntimePlan
    var logger: Logger

    struct Outcome {
        var removed = 0
        var failures = 0
    }

    /// The interfaces the configuration uses: instances', VMACs', and VIPs' `dev`.
    var interfaces: Set<String> {
        var names = Set<String>()
        for shell in plan.instancePlans.values {
            for name in [shell.interface, shell.advertInterface, shell.defaultAddressDevice, shell.vmac?.name] {
                if let name { names.insert(name) }
            }
        }
        for instance in plan.instances {
            for address in instance.virtualAddresses + instance.excludedVirtualAddresses {
                if let device = address.device { names.insert(device) }
            }
        }
        return names
    }

    /// `interfaces`: where tagged addresses go; nil for every interface (a configuration that
    /// cannot be read names none).
    func run(interfaces: Set<String>?, configured: Bool, removeVMACs: Bool) -> Outcome {
        var outcome = Outcome()
        if configured {
            let held = Set(netlink.addresses(ifindex: nil).map { "\($0.ifindex) \($0.address)" })
            for instance in plan.instances {
                for address in instance.virtualAddresses + instance.excludedVirtualAddresses {
                    guard let spec = plan.addressSpec(address, instance: instance.name, netlink: netlink),
                          held.contains("\(spec.ifindex) \(spec.address)") else { continue }
                    remove(spec, what: "\(address)", reason: "(\(instance.name)) left by an earlier run", &outcome)
                }
            }
        }
        sweepTaggedAddresses(on: interfaces, &outcome)
        let routes = netlink.deleteRoutesAndRules(protocolNumber: RouteNetlink.keepalivedProtocol)
        for entry in routes.removed { logger.info("removed \(entry) (protocol \(RouteNetlink.keepalivedProtocol)) left by an earlier run") }
        for (entry, error) in routes.failed { logger.warning("cannot remove leftover \(entry): \(error)") }
        outcome.removed += routes.removed.count
        outcome.failures += routes.failed.count
        if removeVMACs {
            for shell in plan.instancePlans.values {
                guard let vmac = shell.vmac, let link = netlink.link(named: vmac.name), link.kind == "macvlan" else { continue }
                do {
                    try netlink.deleteLink(index: link.index)
                    logger.info("(\(shell.name)) removed VMAC \(vmac.name) left by an earlier run")
                    outcome.removed += 1
                } catch {
                    logger.warning("(\(shell.name)) cannot remove leftover VMAC \(vmac.name): \(error)")
                    outcome.failures += 1
                }
            }
        }
        return outcome
    }

    func sweepTaggedAddresses(on interfaces: Set<String>?, _ outcome: inout Outcome) {
        let tagged: [ProtocolTaggedAddress]
        do {
            tagged = try netlink.addressesWithProtocol().filter { $0.addressProtocol == netlink.addressProtocol }
        } catch {
            logger.warning("cannot list tagged addresses: \(error)")
            outcome.failures += 1
            return
        }
        var names: [Int32: String] = [:]
        for address in tagged {
            let name = names[address.ifindex] ?? netlink.link(index: address.ifindex)?.name ?? "?"
            names[address.ifindex] = name
            if let interfaces, !interfaces.contains(name) { continue }
            let spec = AddressSpec(address: address.address, prefixLength: address.prefixLength, ifindex: address.ifindex)
            remove(spec, what: "\(address.address)/\(address.prefixLength) on \(name)",
                   reason: "tagged by a VRRP daemon (protocol \(netlink.addressProtocol)), left by an earlier run", &outcome)
        }
    }

    func remove(_ spec: AddressSpec, what: String, reason: String, _ outcome: inout Outcome) {
        do {
            try netlink.deleteAddress(spec)
            logger.info("removed \(what), \(reason)")
            outcome.removed += 1
        } catch {
            logger.warning("cannot remove leftover \(what): \(error)")
            outcome.failures += 1
        }
    }
}

extension RuntimePlan {
    /// Where and how a VIP of `instance` is added: its `dev` (else the instance's default device)
    /// and the model's words (brd, scope, label...).
    func addressSpec(_ address: KAVRRP.VirtualAddress, instance: String, netlink: RouteNetlink) -> AddressSpec? {
        guard let device = address.device ?? instancePlans[instance]?.defaultAddressDevice,
              let link = netlink.knownLink(named: device) else { return nil }
        // The adapter checked every entry's words already (AddressSpec.from at plan time).
        if let model = instancePlans[instance]?.addressDetails[address], let spec = try? AddressSpec.from(model, ifindex: link.index) {
            return spec
        }
        return AddressSpec(address: address.address, prefixLength: Int(address.prefixLength), ifindex: link.index)
    }
}
