import KAConfig
import KAVRRP

/// The one adapter from the KAConfig model to KAVRRP's configuration, with the defaults keepalived
/// 2.2.7 applies where the model leaves a choice (`vrrp_complete_instance`, `vrrp_complete_init`).
///
/// One default differs, on purpose: `higher_prio_send_advert` is on unless the configuration says
/// `higher_prio_send_advert false`. A master that yields to a higher priority sends one last
/// advert, so after a healed split brain the winner hears a lower priority and re-announces its
/// VIPs (`garp_lower_prio_repeat`); keepalived leaves clients with stale ARP entries there.
///
/// Pure: interfaces and routes come in as `HostFacts`. Problems become `PlanIssue`s; an instance
/// with an error is left out of the plan (the daemon refuses to start when any error exists).
public struct ModelAdapter {
    public var configuration: Configuration
    public var host: any HostFacts

    public init(configuration: Configuration, host: any HostFacts) {
        self.configuration = configuration
        self.host = host
    }

    public func plan() -> RuntimePlan {
        var plan = RuntimePlan()
        plan.global = globalPlan()
        let (scheduling, problems) = ProcessScheduling.from(configuration.globalDefs, onlineCPUs: host.onlineCPUs)
        plan.global.scheduling = scheduling
        plan.issues += problems.map { PlanIssue(.warning, "global_defs", $0) }
        var trackedScripts = Set<String>()
        var trackedFiles = Set<String>()
        var trackedProcesses = Set<String>()
        for instance in configuration.instances {
            var issues: [PlanIssue] = []
            if let (engine, shell) = adapt(instance, issues: &issues, plan: &plan) {
                plan.instances.append(engine)
                plan.instancePlans[engine.name] = shell
                for tracker in engine.trackers {
                    if tracker.key.kind == .script { trackedScripts.insert(tracker.key.name) }
                    if tracker.key.kind == .file { trackedFiles.insert(tracker.key.name) }
                    if tracker.key.kind == .process { trackedProcesses.insert(tracker.key.name) }
                }
            }
            plan.issues += issues
        }
        let planned = Set(plan.instances.map(\.name))
        for group in configuration.syncGroups {
            let members = group.resolvedMembers.filter { planned.contains($0) }
            guard !members.isEmpty else {
                plan.issues.append(PlanIssue(.warning, group.name, "sync group has no runnable member; ignored"))
                continue
            }
            var issues: [PlanIssue] = []
            let trackers = trackers(
                interfaces: group.trackInterfaces, scripts: group.trackScripts, files: group.trackFiles,
                processes: group.trackProcesses, bfds: group.trackBFDs, subject: group.name, issues: &issues)
            for tracker in trackers {
                if tracker.key.kind == .script { trackedScripts.insert(tracker.key.name) }
                if tracker.key.kind == .file { trackedFiles.insert(tracker.key.name) }
                if tracker.key.kind == .process { trackedProcesses.insert(tracker.key.name) }
            }
            plan.issues += issues
            plan.syncGroups.append(SyncGroupConfiguration(
                name: group.name, members: members, trackers: trackers,
                trackingWeight: group.other["sync_group_tracking_weight"] != nil || group.globalTracking,
                notify: notifyScripts(group.notify, into: &plan.notifyCommands)))
        }
        plan.scripts = configuration.vrrpScripts.compactMap { script in
            guard trackedScripts.contains(script.name) else { return nil }
            guard let command = script.command else {
                plan.issues.append(PlanIssue(.error, script.name, "vrrp_script has no `script` line"))
                return nil
            }
            let interval = VRRPDuration(microseconds: Int64(max(1, script.intervalMicroseconds)))
            // keepalived: without `timeout`, a script may run for its whole interval.
            let timeout = script.timeoutMicroseconds.map { VRRPDuration(microseconds: Int64(max(1, $0))) } ?? interval
            var resolved = command
            if resolved.user == nil, let user = script.user {
                resolved.user = user
                resolved.group = script.group
            }
            return ScriptPlan(
                name: script.name, command: resolved, interval: interval, timeout: timeout,
                rise: max(1, script.rise), fall: max(1, script.fall), initFail: script.initFail)
        }
        plan.trackFiles = configuration.trackFiles.compactMap { file in
            trackedFiles.contains(file.name) ? TrackedFile(file) : nil
        }
        plan.trackedProcesses = configuration.trackProcesses.compactMap { process in
            trackedProcesses.contains(process.name) ? TrackedProcess(process) : nil
        }
        return plan
    }

    // MARK: Global

    func globalPlan() -> GlobalPlan {
        let defs = configuration.globalDefs
        var global = GlobalPlan()
        global.garpInterval = VRRPDuration(microseconds: Int64(defs.garpIntervalMicroseconds))
        global.gnaInterval = VRRPDuration(microseconds: Int64(defs.gnaIntervalMicroseconds))
        global.scriptUser = defs.scriptUser
        global.scriptGroup = defs.scriptGroup
        global.enableScriptSecurity = defs.enableScriptSecurity
        global.routerID = defs.routerID
        return global
    }

    /// A global_defs `vrrp_*` flag the instance inherits unless it says otherwise.
    func globalFlag(_ keyword: String) -> Bool {
        guard let words = configuration.globalDefs.other[keyword] else { return false }
        return Self.flagValue(words)
    }

    /// A global_defs toggle as written, nil when absent.
    func globalToggle(_ keyword: String) -> Bool? {
        configuration.globalDefs.other[keyword].map(Self.flagValue)
    }

    /// keepalived's toggles: no argument = on; `true/on/yes` or `false/off/no` when given.
    static func flagValue(_ words: [String]) -> Bool {
        guard let word = words.first?.lowercased() else { return true }
        return !["false", "off", "no", "0"].contains(word)
    }

    // MARK: Instances

    func adapt(_ instance: KAConfig.VRRPInstance, issues: inout [PlanIssue], plan: inout RuntimePlan)
        -> (InstanceConfiguration, InstancePlan)?
    {
        let name = instance.name
        let errorsBefore = issues.filter { $0.severity == .error }.count
        guard let vridValue = instance.virtualRouterID, (1...255).contains(vridValue) else {
            issues.append(PlanIssue(.error, name, "no valid virtual_router_id (1-255)"))
            return nil
        }
        let vrid = UInt8(vridValue)
        let family = instanceFamily(instance)
        let version: VRRPVersion = instance.version == 3 ? .v3 : .v2
        if version == .v2, family == .ipv6 {
            issues.append(PlanIssue(.error, name, "VRRP version 2 is IPv4 only; use version 3 for IPv6"))
            return nil
        }

        // Interface, VMAC and where adverts go.
        var interfaceFacts: InterfaceFacts?
        if let interface = instance.interface {
            interfaceFacts = host.interface(named: interface)
            if interfaceFacts == nil {
                issues.append(PlanIssue(.error, name, "interface \(interface) does not exist on this host"))
            }
        } else if instance.unicastPeers.isEmpty {
            issues.append(PlanIssue(.error, name, "no interface and no unicast peers: nowhere to send adverts"))
        }
        var vmac: VMACPlan?
        if let useVMAC = instance.useVMAC {
            if instance.interface == nil {
                // keepalived clears use_vmac for a unicast instance without interface.
                issues.append(PlanIssue(.warning, name, "use_vmac needs an interface; ignored (as keepalived does)"))
            } else {
                let mac = useVMAC.mac.flatMap(Self.parseMAC) ?? VMACPlan.defaultMAC(family: family, virtualRouterID: vrid)
                vmac = VMACPlan(name: useVMAC.name ?? "vrrp.\(vrid)", mac: mac, transmitOnBase: instance.vmacXmitBase)
            }
        }
        let advertInterface = vmac.map { $0.transmitOnBase ? instance.interface : $0.name } ?? instance.interface
        let defaultDevice = vmac?.name ?? instance.interface

        // Addresses.
        var details: [KAVRRP.VirtualAddress: KAConfig.VirtualAddress] = [:]
        func engineAddresses(_ list: some Collection<KAConfig.VirtualAddress>, what: String) -> [KAVRRP.VirtualAddress] {
            list.compactMap { entry in
                let device = entry.device ?? defaultDevice
                if device == nil {
                    issues.append(PlanIssue(.error, name, "\(what) \(entry.address) needs `dev` when the instance has no interface"))
                    return nil
                }
                // The netlink request is built from these words at run time: check them now.
                do {
                    _ = try AddressSpec.from(entry, ifindex: 0)
                } catch {
                    issues.append(PlanIssue(.error, name, "\(what) \(entry.address): \(error)"))
                    return nil
                }
                let address = KAVRRP.VirtualAddress(
                    entry.address, prefixLength: UInt8(clamping: entry.prefixLength), device: device)
                // Only an entry that says more than address, prefix and device is kept: its
                // readers fall back to the plain spec, and a dictionary per instance of 500 costs
                // about 0.5 KB each.
                if Self.carriesDetails(entry) { details[address] = entry }
                return address
            }
        }
        let vips = engineAddresses(instance.virtualAddresses, what: "virtual_ipaddress")
        let excluded = engineAddresses(instance.excludedAddresses, what: "virtual_ipaddress_excluded")
        if let stranger = vips.first(where: { $0.address.family != family }) {
            issues.append(PlanIssue(.error, name, "virtual_ipaddress \(stranger.address) is not of the instance's family; move it to virtual_ipaddress_excluded"))
        }

        // Unicast peers and the source address.
        let peers = instance.unicastPeers.map { peer in
            KAVRRP.UnicastPeer(
                peer.address,
                acceptedTTL: UInt8(clamping: peer.minTTL ?? 0)...UInt8(clamping: max(peer.minTTL ?? 0, peer.maxTTL ?? 255)))
        }
        if let stranger = peers.first(where: { $0.address.family != family }) {
            issues.append(PlanIssue(.error, name, "unicast_peer \(stranger.address) is not of the instance's family"))
        }
        let source = sourceAddress(instance, family: family, interface: interfaceFacts, peers: peers, issues: &issues)

        // Routes and rules, named by their words for the engine.
        var routeDetails: [VirtualRoute: RouteEntry] = [:]
        let routes = instance.virtualRoutes.map { entry in
            let route = VirtualRoute(entry.words.joined(separator: " "))
            routeDetails[route] = entry
            return route
        }
        var ruleDetails: [VirtualRoute: RuleEntry] = [:]
        let rules = instance.virtualRules.map { entry in
            let rule = VirtualRoute(entry.words.joined(separator: " "))
            ruleDetails[rule] = entry
            return rule
        }

        var authentication = VRRPAuthentication.none
        if version == .v2, let auth = instance.authentication {
            switch auth.type {
            case .pass?:
                authentication = .simplePassword(AuthenticationData(password: auth.pass ?? ""))
            case .ah?:
                issues.append(PlanIssue(.error, name, "auth_type AH needs IPsec AH processing, which karun does not implement; use PASS or VRRPv3"))
            case nil:
                break
            }
        }

        let trackers = trackers(
            interfaces: instance.trackInterfaces, scripts: Array(instance.trackScripts), files: instance.trackFiles,
            processes: instance.trackProcesses, bfds: instance.trackBFDs, subject: name, issues: &issues)

        guard issues.filter({ $0.severity == .error }).count == errorsBefore, let source else { return nil }

        let other = instance.other
        var engine = InstanceConfiguration(
            name: name,
            virtualRouterID: vrid,
            version: version,
            priority: UInt8(clamping: max(1, min(255, instance.priority))),
            advertisementInterval: VRRPDuration(microseconds: Int64(instance.advertIntervalMicroseconds)),
            initialStateMaster: instance.state == .master,
            sourceAddress: source,
            interface: advertInterface ?? "",
            multicastGroup: multicastGroup(instance, family: family),
            unicastPeers: peers,
            unicastTTL: other["unicast_ttl"]?.first.flatMap { UInt8($0) },
            checkUnicastSource: other["check_unicast_src"] != nil || globalFlag("vrrp_check_unicast_src"),
            virtualAddresses: vips,
            excludedVirtualAddresses: excluded,
            virtualRoutes: routes,
            virtualRules: rules,
            authentication: authentication,
            nopreempt: instance.nopreempt,
            preemptDelay: VRRPDuration(microseconds: Int64(instance.preemptDelayMicroseconds)),
            gratuitousARP: garpSettings(instance),
            downTimerAdverts: downTimerAdverts(instance),
            lowerPriorityNoAdvert: instance.lowerPriorityNoAdvert ?? globalFlag("vrrp_lower_prio_no_advert"),
            higherPrioritySendAdvert: instance.higherPrioritySendAdvert ?? globalToggle("vrrp_higher_prio_send_advert") ?? true,
            ownerIgnoresAdverts: other["owner_ignore_adverts"].map(Self.flagValue) ?? globalFlag("vrrp_owner_ignore_adverts"),
            skipCheckAdvertAddresses: other["skip_check_adv_addr"].map(Self.flagValue) ?? globalFlag("vrrp_skip_check_adv_addr"),
            checksumStyle: (other["v3_checksum_as_v2"].map(Self.flagValue) ?? globalFlag("v3_checksum_as_v2"))
                ? .withoutPseudoHeader : .standard,
            trackers: trackers,
            dontTrackPrimary: instance.dontTrackPrimary,
            notify: notifyScripts(instance.notify, into: &plan.notifyCommands),
            notifyPriorityChanges: other["notify_priority_changes"].map(Self.flagValue)
                ?? globalFlag("vrrp_notify_priority_changes")
        )
        // An instance without interface has no interface to track.
        if instance.interface == nil { engine.dontTrackPrimary = true }
        let shell = InstancePlan(
            name: name, interface: instance.interface, vmac: vmac, family: family,
            advertInterface: advertInterface, defaultAddressDevice: defaultDevice,
            addressDetails: details, routeDetails: routeDetails, ruleDetails: ruleDetails)
        return (engine, shell)
    }

    /// keepalived: the family of the first VIP (IPv6 forces version 3), else of the unicast peers,
    /// else of `mcast_src_ip`/`unicast_src_ip`, else IPv4 (`native_ipv6` forces IPv6).
    func instanceFamily(_ instance: KAConfig.VRRPInstance) -> AddressFamily {
        if instance.nativeIPv6 { return .ipv6 }
        let first = instance.virtualAddresses.first?.address ?? instance.unicastPeers.first?.address
            ?? instance.unicastSourceIP ?? instance.multicastSourceIP
        return first?.isIPv6 == true ? .ipv6 : .ipv4
    }

    func multicastGroup(_ instance: KAConfig.VRRPInstance, family: AddressFamily) -> IPAddress? {
        if let words = instance.other["mcast_dst_ip"], let text = words.first, let address = IPAddress(text) {
            return address
        }
        let global = family == .ipv4 ? configuration.globalDefs.multicastGroup4 : configuration.globalDefs.multicastGroup6
        let engineGroup = global
        return engineGroup == .vrrpMulticastGroup(for: family) ? nil : engineGroup
    }

    func sourceAddress(
        _ instance: KAConfig.VRRPInstance, family: AddressFamily, interface: InterfaceFacts?, peers: [KAVRRP.UnicastPeer],
        issues: inout [PlanIssue]
    ) -> IPAddress? {
        let configured = peers.isEmpty ? instance.multicastSourceIP : (instance.unicastSourceIP ?? instance.multicastSourceIP)
        if let configured {
            let address = configured
            guard address.family == family else {
                issues.append(PlanIssue(.error, instance.name, "source address \(address) is not of the instance's family"))
                return nil
            }
            return address
        }
        if let interface {
            let candidate: IPAddress?
            if family == .ipv4 {
                candidate = interface.primaryIPv4
            } else {
                candidate = peers.isEmpty ? interface.linkLocalIPv6 : (interface.globalIPv6 ?? interface.linkLocalIPv6)
            }
            if let candidate { return candidate }
            issues.append(PlanIssue(.error, instance.name, "interface \(interface.name) has no \(family == .ipv4 ? "IPv4" : "IPv6 link-local") address to send adverts from"))
            return nil
        }
        if let peer = peers.first, let routed = host.sourceAddress(towards: peer.address) { return routed }
        if instance.interface == nil {
            issues.append(PlanIssue(.error, instance.name, "no unicast_src_ip and no route to the first unicast peer to choose a source address"))
        }
        return nil
    }

    /// An instance's GARP setting overrides global_defs' `vrrp_garp_*`; the model holds keepalived's
    /// defaults where neither is written, so a value equal to the default takes the global one.
    func garpSettings(_ instance: KAConfig.VRRPInstance) -> GratuitousARPSettings {
        let defaults = GARPSettings()
        let global = configuration.globalDefs.garp
        let own = instance.garp
        func pick<T: Equatable>(_ path: KeyPath<GARPSettings, T>) -> T {
            own[keyPath: path] != defaults[keyPath: path] ? own[keyPath: path] : global[keyPath: path]
        }
        var settings = GratuitousARPSettings()
        settings.masterDelay = VRRPDuration(microseconds: Int64(pick(\.masterDelayMicroseconds)))
        settings.masterRepeat = pick(\.masterRepeat)
        settings.masterRefresh = VRRPDuration(microseconds: Int64(pick(\.masterRefreshMicroseconds)))
        settings.masterRefreshRepeat = pick(\.masterRefreshRepeat)
        if let delay = own.lowerPriorityDelayMicroseconds ?? global.lowerPriorityDelayMicroseconds {
            settings.lowerPriorityDelay = VRRPDuration(microseconds: Int64(delay))
        } else {
            settings.lowerPriorityDelay = settings.masterDelay
        }
        // keepalived 2.2.7 (vrrp_complete_instance): unset, it is garp_master_repeat, so a
        // master hearing a lower priority (a healed split brain) re-announces its VIPs.
        settings.lowerPriorityRepeat = own.lowerPriorityRepeat ?? global.lowerPriorityRepeat ?? settings.masterRepeat
        return settings
    }

    func downTimerAdverts(_ instance: KAConfig.VRRPInstance) -> Int {
        let words = instance.other["down_timer_adverts"] ?? configuration.globalDefs.other["vrrp_down_timer_adverts"]
        return words?.first.flatMap { Int($0) }.map { max(1, min(100, $0)) } ?? 3
    }

    // MARK: Trackers and notify

    func trackers(
        interfaces: [TrackedInterface], scripts: [TrackReference], files: [TrackReference],
        processes: [TrackReference], bfds: [TrackReference], subject: String, issues: inout [PlanIssue]
    ) -> [TrackerConfiguration] {
        var result: [TrackerConfiguration] = []
        for interface in interfaces {
            result.append(TrackerConfiguration(TrackerKey(.interface, interface.name), weight: interface.weight, reverse: interface.reverse))
        }
        for reference in scripts {
            guard let script = configuration.script(named: reference.name) else {
                issues.append(PlanIssue(.warning, subject, "track_script \(reference.name) is not defined; ignored"))
                continue
            }
            let weight = reference.weight ?? script.weight
            let reverse = reference.weight == nil ? script.weightReverse : reference.reverse
            result.append(TrackerConfiguration(TrackerKey(.script, script.name), weight: weight, reverse: reverse))
        }
        for reference in files {
            guard let file = configuration.trackFiles.first(where: { $0.name == reference.name }) else {
                issues.append(PlanIssue(.warning, subject, "track_file \(reference.name) is not defined; ignored"))
                continue
            }
            let weight = reference.weight ?? file.weight
            let reverse = reference.weight == nil ? file.weightReverse : reference.reverse
            result.append(TrackerConfiguration(TrackerKey(.file, file.name), weight: weight, reverse: reverse))
        }
        for reference in processes {
            guard let process = configuration.trackProcesses.first(where: { $0.name == reference.name }) else {
                issues.append(PlanIssue(.warning, subject, "track_process \(reference.name) is not defined; ignored"))
                continue
            }
            // keepalived drops a vrrp_track_process without `process`; a tracker nothing reports
            // would hold its instance in INIT (weight 0) for ever.
            guard TrackedProcess(process) != nil else {
                issues.append(PlanIssue(.warning, subject, "vrrp_track_process \(reference.name) has no `process` line; ignored"))
                continue
            }
            let weight = reference.weight ?? process.weight
            let reverse = reference.weight == nil ? process.weightReverse : reference.reverse
            result.append(TrackerConfiguration(TrackerKey(.process, process.name), weight: weight, reverse: reverse))
        }
        for reference in bfds {
            issues.append(PlanIssue(.warning, subject, "track_bfd \(reference.name) is not supported by karun; ignored"))
        }
        return result
    }

    func notifyScripts(_ scripts: [String: ScriptCommand], into commands: inout [String: ScriptCommand]) -> NotifyScripts {
        func line(_ keyword: String) -> String? {
            guard let command = scripts[keyword] else { return nil }
            let text = command.commandLine
            commands[text] = command
            return text
        }
        return NotifyScripts(
            master: line("notify_master"), backup: line("notify_backup"), fault: line("notify_fault"),
            stop: line("notify_stop"), deleted: line("notify_deleted"), generic: line("notify"),
            masterReceivedLowerPriority: line("notify_master_rx_lower_pri"))
    }

    /// `00:00:5e:00:01:33` → six bytes.
    static func parseMAC(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ":")
        guard parts.count == 6 else { return nil }
        let bytes = parts.compactMap { $0.count <= 2 ? UInt8($0, radix: 16) : nil }
        return bytes.count == 6 ? bytes : nil
    }
}

extension ModelAdapter {
    /// Whether a `virtual_ipaddress` entry has words the netlink request needs beyond its address,
    /// prefix and `dev` (brd, scope, label, peer, preferred_lft, flags).
    static func carriesDetails(_ entry: KAConfig.VirtualAddress) -> Bool {
        entry.broadcast != nil || entry.scope != nil || entry.label != nil || entry.peer != nil
            || entry.preferredLifetime != nil || !entry.flags.isEmpty
    }
}
