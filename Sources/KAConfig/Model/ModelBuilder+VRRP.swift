/// Handler tables of the VRRP blocks: keyword -> what it sets.
extension ModelBuilder {
    /// The GARP timing keywords, which global_defs (`vrrp_garp_...`, the defaults) and each
    /// instance (`garp_...`) share: keyword suffix -> the field it sets (a rejected value keeps it).
    static let garpSettingReaders: [(suffix: String, read: @Sendable (inout GARPSettings, StatementRef) -> Void)] = [
        ("master_delay", { garp, s in garp.masterDelayMicroseconds = s.microseconds() ?? garp.masterDelayMicroseconds }),
        ("master_repeat", { garp, s in garp.masterRepeat = s.int() ?? garp.masterRepeat }),
        ("master_refresh", { garp, s in garp.masterRefreshMicroseconds = s.microseconds() ?? garp.masterRefreshMicroseconds }),
        ("master_refresh_repeat", { garp, s in garp.masterRefreshRepeat = s.int() ?? garp.masterRefreshRepeat }),
        ("lower_prio_delay", { garp, s in
            garp.lowerPriorityDelayMicroseconds = s.microseconds() ?? garp.lowerPriorityDelayMicroseconds
        }),
        ("lower_prio_repeat", { garp, s in garp.lowerPriorityRepeat = s.int() ?? garp.lowerPriorityRepeat }),
    ]

    static let globalHandlers: [String: Handler<GlobalDefs>] = {
        var table = globalOwnHandlers
        for (suffix, read) in garpSettingReaders {
            table["vrrp_garp_" + suffix] = { defs, s, _ in read(&defs.garp, s) }
        }
        return table
    }()

    static let globalOwnHandlers: [String: Handler<GlobalDefs>] = [
        "router_id": { defs, s, _ in defs.routerID = s.text() },
        "script_user": { defs, s, _ in
            defs.scriptUser = s.text()
            defs.scriptGroup = s.text(1)
        },
        "enable_script_security": { defs, s, _ in defs.enableScriptSecurity = s.flag ?? defs.enableScriptSecurity },
        "vrrp_version": { defs, s, _ in defs.vrrpVersion = s.int() ?? defs.vrrpVersion },
        "vrrp_strict": { defs, s, _ in defs.vrrpStrict = s.flag ?? defs.vrrpStrict },
        "vrrp_mcast_group4": { defs, s, _ in defs.multicastGroup4 = s.address() ?? defs.multicastGroup4 },
        "vrrp_mcast_group6": { defs, s, _ in defs.multicastGroup6 = s.address() ?? defs.multicastGroup6 },
        "vrrp_garp_interval": { defs, s, _ in defs.garpIntervalMicroseconds = s.microseconds() ?? defs.garpIntervalMicroseconds },
        "vrrp_gna_interval": { defs, s, _ in defs.gnaIntervalMicroseconds = s.microseconds() ?? defs.gnaIntervalMicroseconds },
        "notification_email": { defs, s, _ in defs.notificationEmail += s.entries.compactMap { $0.first?.text } },
        "notification_email_from": { defs, s, _ in defs.notificationEmailFrom = s.text() },
        "smtp_server": { defs, s, _ in
            defs.smtpServer = s.text()
            defs.smtpPort = s.int(1)
        },
        "smtp_helo_name": { defs, s, _ in defs.smtpHeloName = s.text() },
        "smtp_connect_timeout": { defs, s, _ in
            defs.smtpConnectTimeoutMicroseconds = s.microseconds() ?? defs.smtpConnectTimeoutMicroseconds
        },
        "smtp_alert": { defs, s, _ in defs.smtpAlert = s.flag ?? defs.smtpAlert },
        "dynamic_interfaces": { defs, s, _ in defs.dynamicInterfaces = s.flag ?? defs.dynamicInterfaces },
        "max_auto_priority": { defs, s, _ in defs.maxAutoPriority = s.int() ?? 99 },
    ]

    /// `VRRPState(rawValue:)` and `AuthenticationType(rawValue:)` as plain compares (the
    /// synthesized initializers search a table of strings).
    static func vrrpState(_ text: String) -> VRRPState? { text == "MASTER" ? .master : text == "BACKUP" ? .backup : nil }
    static func authenticationType(_ text: String) -> AuthenticationType? {
        text == "PASS" ? .pass : text == "AH" ? .ah : nil
    }

    static let notifyKeywords = [
        "notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify_deleted",
        "notify_master_rx_lower_pri",
    ]

    static let instanceHandlers: [String: Handler<VRRPInstance>] = {
        var table: [String: Handler<VRRPInstance>] = [
            "state": { instance, s, _ in
                guard let text = s.text(), let state = Self.vrrpState(text) else {
                    if s.wordCount > 1, instance.stateConfigured != .master { instance.stateConfigured = .backup }
                    return
                }
                // keepalived ignores BACKUP after MASTER ("state previously set as MASTER").
                if state == .backup, instance.stateConfigured == .master { return }
                instance.stateConfigured = state
            },
            "interface": { instance, s, _ in instance.interface = s.text() },
            "virtual_router_id": { instance, s, _ in instance.virtualRouterID = s.int() ?? instance.virtualRouterID },
            "priority": { instance, s, _ in
                if s.wordCount > 1 { instance.priorityConfigured = s.int() ?? 100 }
            },
            "advert_int": { instance, s, _ in
                instance.advertIntervalMicroseconds = s.microseconds() ?? instance.advertIntervalMicroseconds
            },
            "version": { instance, s, _ in instance.versionConfigured = s.int() ?? instance.versionConfigured },
            "native_ipv6": { instance, _, _ in instance.nativeIPv6 = true },
            "authentication": { instance, s, builder in
                var auth = instance.authentication ?? Authentication()
                s.forEachChild { child in
                    switch child.keyword {
                    case "auth_type": auth.type = child.text().flatMap(Self.authenticationType) ?? auth.type
                    case "auth_pass": auth.pass = child.text() ?? auth.pass
                    default: break
                    }
                }
                instance.authentication = auth
            },
            "virtual_ipaddress": { instance, s, builder in
                s.forEachEntry { entry in
                    EntryParsers.appendAddress(entry, to: &instance.virtualAddresses, diagnostics: &builder.diagnostics)
                }
            },
            "virtual_ipaddress_excluded": { instance, s, builder in
                for entry in s.entries {
                    EntryParsers.appendAddress(entry, to: &instance.excludedAddresses, diagnostics: &builder.diagnostics)
                }
            },
            "virtual_routes": { instance, s, _ in instance.virtualRoutes += s.entries.map(EntryParsers.route) },
            "virtual_rules": { instance, s, _ in instance.virtualRules += s.entries.map(EntryParsers.rule) },
            "unicast_src_ip": { instance, s, _ in instance.unicastSourceIP = s.address() ?? instance.unicastSourceIP },
            "mcast_src_ip": { instance, s, _ in instance.multicastSourceIP = s.address() ?? instance.multicastSourceIP },
            "unicast_peer": { instance, s, builder in
                for entry in s.entries {
                    if let peer = EntryParsers.unicastPeer(entry, diagnostics: &builder.diagnostics) {
                        instance.unicastPeers.append(peer)
                    }
                }
            },
            "track_interface": { instance, s, _ in
                instance.trackInterfaces += s.entries.compactMap(EntryParsers.trackedInterface)
            },
            "track_script": { instance, s, builder in
                builder.appendReferences(
                    s, to: &instance.trackScripts, defined: builder.definedScripts, kind: "track script",
                    owner: "vrrp_instance", named: instance.name)
            },
            "track_file": { instance, s, builder in
                builder.appendReferences(
                    s, to: &instance.trackFiles, defined: builder.definedTrackFiles, kind: "track file",
                    owner: "vrrp_instance", named: instance.name)
            },
            "track_process": { instance, s, builder in
                builder.appendReferences(
                    s, to: &instance.trackProcesses, defined: builder.definedProcesses, kind: "track process",
                    owner: "vrrp_instance", named: instance.name)
            },
            "track_bfd": { instance, s, builder in
                builder.appendReferences(
                    s, to: &instance.trackBFDs, defined: builder.definedBFDs, kind: "track bfd",
                    owner: "vrrp_instance", named: instance.name)
            },
            "nopreempt": { instance, _, _ in instance.nopreempt = true },
            "preempt": { instance, _, _ in instance.nopreempt = false },
            "preempt_delay": { instance, s, _ in instance.preemptDelayMicroseconds = s.microseconds() ?? 0 },
            "use_vmac": { instance, s, _ in
                var vmac = VirtualMAC()
                for word in s.argumentWords.prefix(2) {
                    if word.contains(":") { vmac.mac = word } else { vmac.name = word }
                }
                instance.useVMAC = vmac
            },
            "vmac_xmit_base": { instance, _, _ in instance.vmacXmitBase = true },
            "smtp_alert": { instance, s, _ in instance.smtpAlert = s.flag ?? instance.smtpAlert },
            "strict_mode": { instance, s, _ in instance.strictMode = s.flag ?? instance.strictMode },
            "accept": { instance, _, _ in instance.accept = true },
            "no_accept": { instance, _, _ in instance.accept = false },
            "dont_track_primary": { instance, _, _ in instance.dontTrackPrimary = true },
            "track_src_ip": { instance, _, _ in instance.trackSourceIP = true },
            "lower_prio_no_advert": { instance, s, _ in instance.lowerPriorityNoAdvert = s.flag ?? instance.lowerPriorityNoAdvert },
            "higher_prio_send_advert": { instance, s, _ in
                instance.higherPrioritySendAdvert = s.flag ?? instance.higherPrioritySendAdvert
            },
        ]
        for (suffix, read) in garpSettingReaders {
            // Read into the builder's settings of the instance (no box a line), shared with the
            // instances of equal settings once the instance is read (`BuildContext.shared`).
            table["garp_" + suffix] = { instance, s, builder in
                if builder.instanceGARP == nil { builder.instanceGARP = instance.garp }
                read(&builder.instanceGARP!, s)
            }
        }
        for keyword in notifyKeywords {
            table[keyword] = { instance, s, builder in
                // keepalived keeps the first script of a kind ("already specified - ignoring").
                guard instance.notify[keyword] == nil, let command = builder.script(s) else { return }
                instance.notify[keyword] = command
            }
        }
        return table
    }()

    static let scriptHandlers: [String: Handler<VRRPScript>] = [
        "script": { script, s, builder in script.command = builder.script(s) },
        "interval": { script, s, _ in script.intervalMicroseconds = s.microseconds() ?? script.intervalMicroseconds },
        "timeout": { script, s, _ in script.timeoutMicroseconds = s.microseconds() ?? script.timeoutMicroseconds },
        "weight": { script, s, _ in
            script.weight = s.int() ?? script.weight
            script.weightReverse = s.text(1) == "reverse"
        },
        "rise": { script, s, _ in script.rise = s.int() ?? script.rise },
        "fall": { script, s, _ in script.fall = s.int() ?? script.fall },
        "user": { script, s, _ in
            script.user = s.text()
            script.group = s.text(1)
        },
        "init_fail": { script, _, _ in script.initFail = true },
    ]

    static let trackFileHandlers: [String: Handler<TrackFile>] = [
        "file": { file, s, _ in file.file = s.text() },
        "weight": { file, s, _ in
            file.weight = s.int() ?? file.weight
            file.weightReverse = s.text(1) == "reverse"
        },
    ]

    static let trackProcessHandlers: [String: Handler<TrackProcess>] = [
        "process": { process, s, _ in
            process.process = s.text()
            process.parameters = Array(s.argumentWords.dropFirst())
        },
        // keepalived: `param_match` alone is `exact`.
        "param_match": { process, s, _ in process.paramMatch = s.text() ?? "exact" },
        "weight": { process, s, _ in
            process.weight = s.int() ?? process.weight
            process.weightReverse = s.text(1) == "reverse"
        },
        "quorum": { process, s, _ in process.quorum = s.int() ?? process.quorum },
        "quorum_max": { process, s, _ in process.quorumMax = s.int() ?? process.quorumMax },
        "full_command": { process, _, _ in process.fullCommand = true },
        "delay": { process, s, _ in
            guard let delay = s.microseconds() else { return }
            process.forkDelayMicroseconds = delay
            process.terminateDelayMicroseconds = delay
        },
        "fork_delay": { process, s, _ in process.forkDelayMicroseconds = s.microseconds() ?? process.forkDelayMicroseconds },
        "terminate_delay": { process, s, _ in
            process.terminateDelayMicroseconds = s.microseconds() ?? process.terminateDelayMicroseconds
        },
    ]

    static let syncGroupHandlers: [String: Handler<VRRPSyncGroup>] = {
        var table: [String: Handler<VRRPSyncGroup>] = [
            "group": { group, s, builder in
                // keepalived rejects a second group list ("Group list already specified").
                guard group.members.isEmpty else { return }
                group.members = s.entries.compactMap { $0.first?.text }
                builder.syncGroupMembers.append((group.name, s.entries.compactMap { $0.first }))
            },
            "track_interface": { group, s, _ in group.trackInterfaces += s.entries.compactMap(EntryParsers.trackedInterface) },
            "track_script": { group, s, builder in
                builder.appendReferences(
                    s, to: &group.trackScripts, defined: builder.definedScripts, kind: "track script",
                    owner: "vrrp_sync_group", named: group.name)
            },
            "track_file": { group, s, builder in
                builder.appendReferences(
                    s, to: &group.trackFiles, defined: builder.definedTrackFiles, kind: "track file",
                    owner: "vrrp_sync_group", named: group.name)
            },
            "track_process": { group, s, builder in
                builder.appendReferences(
                    s, to: &group.trackProcesses, defined: builder.definedProcesses, kind: "track process",
                    owner: "vrrp_sync_group", named: group.name)
            },
            "track_bfd": { group, s, builder in
                builder.appendReferences(
                    s, to: &group.trackBFDs, defined: builder.definedBFDs, kind: "track bfd",
                    owner: "vrrp_sync_group", named: group.name)
            },
            "smtp_alert": { group, s, _ in group.smtpAlert = s.flag ?? group.smtpAlert },
            "global_tracking": { group, _, _ in group.globalTracking = true },
        ]
        for keyword in notifyKeywords {
            table[keyword] = { group, s, builder in
                guard group.notify[keyword] == nil, let command = builder.script(s) else { return }
                group.notify[keyword] = command
            }
        }
        return table
    }()

    static let garpGroupHandlers: [String: Handler<GARPGroup>] = [
        "garp_interval": { group, s, _ in group.garpIntervalMicroseconds = s.microseconds() },
        "gna_interval": { group, s, _ in group.gnaIntervalMicroseconds = s.microseconds() },
        "interface": { group, s, _ in if let name = s.text() { group.interfaces.append(name) } },
        "interfaces": { group, s, _ in group.interfaces += s.entries.flatMap { $0.map { $0.text } } },
    ]

    static let bfdHandlers: [String: Handler<BFDInstance>] = [
        "neighbor_ip": { bfd, s, _ in bfd.neighbor = s.address() },
        "neighbour_ip": { bfd, s, _ in bfd.neighbor = s.address() },
        "source_ip": { bfd, s, _ in bfd.source = s.address() },
    ]

    /// Sync group members are resolved after the whole configuration is read.
    mutating func resolveSyncGroups() {
        // Most configurations have no sync group: skip the set of every instance name.
        guard !model.syncGroups.isEmpty || !context.syncGroupMembers.isEmpty else { return }
        let names = Set(model.instances.map(\.name))
        for index in model.syncGroups.indices {
            model.syncGroups[index].resolvedMembers = model.syncGroups[index].members.filter { names.contains($0) }
        }
        for (group, words) in context.syncGroupMembers {
            for word in words where !names.contains(word.text) {
                context.diagnostics.append(Diagnostic(
                    SemanticRules.unresolvedReference,
                    "vrrp_instance '\(word.text)' of sync group '\(group)' is not defined; keepalived reports \"Virtual router \(word.text) specified in sync group \(group) doesn't exist - ignoring\"",
                    at: word.origin.span))
            }
        }
    }

    /// keepalived's post-parse defaults (vrrp_complete_instance): priority from state, state from
    /// priority, version from global_defs (3 for IPv6).
    static func applyDefaults(_ instance: inout VRRPInstance, globalVersion: Int) {
        if let priority = instance.priorityConfigured {
            instance.priority = priority
        } else {
            instance.priority = instance.stateConfigured == .master ? 255 : 100
        }
        instance.state = instance.stateConfigured ?? (instance.priority == 255 ? .master : .backup)
        let isIPv6 = instance.virtualAddresses.first?.address.isIPv6 ?? false
        instance.version = instance.versionConfigured ?? (isIPv6 ? 3 : globalVersion)
    }
}
