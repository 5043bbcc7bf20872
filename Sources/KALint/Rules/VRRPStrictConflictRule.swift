import KAConfig

/// Settings that `vrrp_strict` (global_defs) or `strict_mode` (per instance) contradicts. keepalived
/// 2.2.7 decides each case in vrrp_complete_instance: most are overridden ("resetting", "Ignoring"),
/// a missing VIP or unicast peers make it refuse the instance. Each finding says which.
struct VRRPStrictConflictRule: LintRule {
    let rule = LintRuleCatalogue.vrrpStrictConflict

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let globalStrict = node.blocks(ofKind: "global_defs").lazy
            .compactMap { node.statement("vrrp_strict", inBlock: $0.block) }.first
        let globallyStrict = node.model.globalDefs.vrrpStrict
        let strict = node.withInstances { instances in
            // Only a strict instance is copied out (see `withInstances`).
            instances.indices.filter { instances.at($0).pointee.strictMode ?? globallyStrict }
        }
        for index in strict {
            let instance = node.model.instances[index]
            guard let source = strictSource(instance, node: node, globalStrict: globalStrict) else { continue }
            var conflicts = StrictConflicts(instance: instance, node: node, model: node.model)
            conflicts.collect()
            for conflict in conflicts.found {
                found.append(Diagnostic(
                    rule, "\(source.label) \(conflict.message)", at: conflict.span,
                    related: [source.statement.origin.note("strict mode is turned on here")]))
            }
        }
        return found
    }

    struct Source {
        var statement: BoundStatement
        var label: String
    }

    /// Why the instance runs in strict mode (its own strict_mode wins over vrrp_strict), or nil.
    func strictSource(_ instance: VRRPInstance, node: LintNode, globalStrict: BoundStatement?) -> Source? {
        if let own = instance.strictMode {
            guard own, let statement = node.statements("strict_mode", inInstance: instance.name).last else { return nil }
            return Source(statement: statement, label: "with strict_mode,")
        }
        guard node.model.globalDefs.vrrpStrict, let globalStrict else { return nil }
        return Source(statement: globalStrict, label: "with vrrp_strict,")
    }
}

/// The strict-mode checks of keepalived 2.2.7's vrrp_complete_instance, in its order.
struct StrictConflicts {
    struct Conflict {
        var message: String
        var span: SourceSpan
    }

    let instance: VRRPInstance
    let node: LintNode
    let model: Configuration
    var found: [Conflict] = []

    init(instance: VRRPInstance, node: LintNode, model: Configuration) {
        self.instance = instance
        self.node = node
        self.model = model
    }

    func last(_ keyword: String) -> BoundStatement? { node.statements(keyword, inInstance: instance.name).last }

    mutating func add(_ keyword: String, argument: Int = 0, _ message: String) {
        let span = last(keyword).map { NodeAnalysis.span(of: $0, argument: argument) } ?? node.instanceSpan(instance)
        found.append(Conflict(message: message, span: span))
    }

    var isIPv6: Bool { instance.virtualAddresses.first?.address.isIPv6 ?? false }
    var basePriority: Int { instance.priorityConfigured ?? (instance.stateConfigured == .master ? 255 : 100) }
    /// The version after strict mode's IPv6 correction.
    var version: Int { isIPv6 ? 3 : (instance.versionConfigured ?? model.globalDefs.vrrpVersion) }

    mutating func collect() {
        let name = instance.name
        if isIPv6, instance.versionConfigured == 2 {
            add("version", "an IPv6 instance cannot use VRRP version 2: keepalived 2.2.7 reports \"(\(name)) cannot use IPv6 with VRRP version 2; setting version 3\" and speaks version 3")
        }
        if instance.virtualAddresses.isEmpty {
            add("virtual_ipaddress", "an instance needs at least one VIP: keepalived 2.2.7 reports \"(\(name)) No VIP specified; at least one is required\" and refuses the configuration (the VRRP process does not start)")
        }
        if let state = instance.stateConfigured, instance.priorityConfigured != nil,
            (state == .master) != (basePriority == 255)
        {
            let starts = basePriority == 255 ? "MASTER" : "BACKUP"
            add("state", "state \(state.rawValue) must match being the address owner (priority 255), and priority is \(basePriority): keepalived 2.2.7 reports \"(\(name)) State MASTER must match being address owner\" and starts the instance as \(starts)")
        }
        if let type = instance.authentication?.type {
            add("auth_type", "authentication is not allowed: keepalived 2.2.7 reports \"(\(name)) Strict mode does not support authentication. Ignoring.\" and sends adverts without \(type.rawValue) authentication")
        }
        if !instance.unicastPeers.isEmpty {
            add("unicast_peer", "unicast peers are not allowed on an interface that can multicast: keepalived 2.2.7 reports \"(\(name)) Unicast peers are not supported in strict mode\" and refuses the configuration when it starts (keepalived -t does not notice)")
        }
        if let vmac = last("use_vmac"), vmac.argumentWords.contains(where: { $0.contains(":") }) {
            let index = vmac.argumentWords.firstIndex { $0.contains(":") } ?? 0
            add("use_vmac", argument: index, "a VMAC cannot have its own MAC address: keepalived 2.2.7 reports \"(\(name)): cannot specify MAC address with strict mode - clearing\" and uses 00:00:5e:00:01:VRID")
        }
        if isIPv6, instance.unicastPeers.isEmpty, let first = instance.virtualAddresses.first, !Self.isLinkLocal(first.address) {
            add("virtual_ipaddress", "the first IPv6 VIP must be link-local (fe80::/10): keepalived 2.2.7 reports \"(\(name)) the first IPv6 VIP address must be link local\" as a configuration error (keepalived -t fails)")
        }
        if instance.preemptDelayMicroseconds > 0, basePriority != 255 {
            add("preempt_delay", "preempt_delay is not allowed: keepalived 2.2.7 reports \"(\(name)) preempt_delay is incompatible with strict mode - resetting\" and preempts at once")
        }
        if let timer = last("down_timer_adverts"), let count = timer.value(0)?.number, count != 3 {
            add("down_timer_adverts", "down_timer_adverts must stay 3: keepalived 2.2.7 reports \"(\(name)) down_timer_adverts is incompatible with strict mode - resetting\" and uses 3, not \(count)")
        }
        if instance.accept == true, basePriority != 255, version == 2 {
            add("accept", "accept mode breaks RFC 3768 for VRRP version 2: keepalived 2.2.7 reports \"(\(name)) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting\" and does not accept traffic to the VIPs")
        }
        collectAdvertSettings(name)
        if instance.useVMAC != nil, instance.vmacXmitBase {
            add("vmac_xmit_base", "vmac_xmit_base is not allowed: keepalived 2.2.7 reports \"(\(name)) xmit_base is incompatible with strict mode - resetting\" and sends adverts from the VMAC")
        }
    }

    mutating func collectAdvertSettings(_ name: String) {
        if let repeats = last("garp_lower_prio_repeat"), let count = repeats.value(0)?.number, count > 0 {
            add("garp_lower_prio_repeat", "gratuitous ARP repeats after a lower-priority advert are not allowed: keepalived 2.2.7 reports \"(\(name)) Strict mode requires no repeat garps. resetting\" and sends none instead of \(count)")
        }
        if let delay = last("garp_lower_prio_delay"), let seconds = delay.value(0)?.number, seconds > 0 {
            add("garp_lower_prio_delay", "a gratuitous ARP delay after a lower-priority advert is not allowed: keepalived 2.2.7 reports \"(\(name)) Strict mode requires no repeat garp delay. resetting\" and uses 0")
        }
        if instance.lowerPriorityNoAdvert == false {
            add("lower_prio_no_advert", "a master must not answer lower-priority adverts: keepalived 2.2.7 reports \"(\(name)) Strict mode requires no lower priority advert. resetting\" and turns lower_prio_no_advert back on")
        }
        if instance.higherPrioritySendAdvert == true {
            add("higher_prio_send_advert", "higher_prio_send_advert is not allowed: keepalived 2.2.7 reports \"(\(name)) strict mode requires higher_prio_send_advert to be clear. resetting\" and turns it off")
        }
    }

    static func isLinkLocal(_ address: IPAddress) -> Bool {
        if case .v6(let high, _) = address { return high >> 54 == 0x3FA }
        return false
    }
}
