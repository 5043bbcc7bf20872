#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// A transition counted for `karun_transitions_total`.
public struct TransitionCountKey: Hashable, Sendable {
    public var instance: String
    public var from: InstanceState
    public var to: InstanceState
    public var reason: String

    init(_ transition: RuntimeCounters.Transition) {
        instance = transition.instance
        from = transition.from
        to = transition.to
        reason = transition.reason
    }
}

extension Daemon {
    /// Opens `--metrics` if asked (a failure is logged; VRRP runs on without metrics).
    func openMetricsServer() -> MetricsServer? {
        guard let endpoint = options.metricsEndpoint else { return nil }
        do {
            let server = try MetricsServer(endpoint: endpoint, loop: loop) { [unowned self] in self.prometheusMetrics() }
            logger.info("metrics at http://\(endpoint)/metrics")
            return server
        } catch {
            logger.error("metrics \(endpoint) unavailable: \(error)")
            return nil
        }
    }

    /// `/metrics`: mehdy/keepalived-exporter's names and labels where it has one (so its Grafana
    /// dashboards work), karun's own beside them. Counters count since start (STATS_CLEAR only
    /// resets what keepalived's files show).
    func prometheusMetrics() -> String {
        var text = PrometheusText()
        let instances = plan.instances.compactMap { router.instance(named: $0.name) }
        func labels(_ instance: KAVRRP.VRRPInstance) -> [(String, String)] {
            [("iname", instance.name), ("intf", keepalivedInterfaceName(instance)), ("vrid", String(instance.configuration.virtualRouterID))]
        }

        text.add("keepalived_up", .gauge, "Status", [([], 1)])

        // keepalived_vrrp_state: one series per VIP, labelled as the exporter parses the VIP text.
        for (name, excluded) in [("keepalived_vrrp_state", false), ("keepalived_vrrp_excluded_state", true)] {
            text.family(name, .gauge, excluded ? "State of vrrp with excluded VIP" : "State of vrrp")
            for instance in instances {
                let addresses = excluded ? instance.configuration.excludedVirtualAddresses : instance.configuration.virtualAddresses
                for address in addresses {
                    let words = keepalivedAddressText(address, instance: instance).split(separator: " ")
                    let interface = words.count > 2 ? String(words[2]) : keepalivedInterfaceName(instance)
                    text.sample(name, [
                        ("iname", instance.name), ("intf", interface),
                        ("vrid", String(instance.configuration.virtualRouterID)), ("ip_address", String(words[0])),
                    ], keepalivedStateNumber(instance.state))
                }
            }
        }

        let counterHelp: [(String, String, String)] = [
            ("advert_rcvd", "keepalived_advertisements_received_total", "Advertisements received"),
            ("advert_sent", "keepalived_advertisements_sent_total", "Advertisements sent"),
            ("become_master", "keepalived_become_master_total", "Became master"),
            ("release_master", "keepalived_release_master_total", "Released master"),
            ("packet_len_err", "keepalived_packet_length_errors_total", "Packet length errors"),
            ("advert_interval_err", "keepalived_advertisements_interval_errors_total", "Advertisement interval errors"),
            ("ip_ttl_err", "keepalived_ip_ttl_errors_total", "IP TTL errors"),
            ("invalid_type_rcvd", "keepalived_invalid_type_received_total", "Invalid type errors"),
            ("addr_list_err", "keepalived_address_list_errors_total", "Address list errors"),
            ("invalid_authtype", "keepalived_authentication_invalid_total", "Authentication invalid"),
            ("authtype_mismatch", "keepalived_authentication_mismatch_total", "Authentication mismatch"),
            ("auth_failure", "keepalived_authentication_failure_total", "Authentication failure"),
            ("pri_zero_rcvd", "keepalived_priority_zero_received_total", "Priority zero received"),
            ("pri_zero_sent", "keepalived_priority_zero_sent_total", "Priority zero sent"),
        ]
        var raw: [String: [String: Int]] = [:]
        for instance in instances {
            var values: [String: Int] = [:]
            for (key, value) in rawKeepalivedStats(instance) { values[key] = value }
            raw[instance.name] = values
        }
        for (key, name, help) in counterHelp {
            text.family(name, .counter, help)
            for instance in instances { text.sample(name, labels(instance), raw[instance.name]?[key] ?? 0) }
        }
        text.family("keepalived_gratuitous_arp_delay_total", .counter, "Gratuitous ARP delay")
        for instance in instances {
            text.sample("keepalived_gratuitous_arp_delay_total", labels(instance), Self.wholeSeconds(instance.configuration.gratuitousARP.masterDelay))
        }

        let scriptStatistics = scripts.statistics
        text.family("keepalived_script_status", .gauge, "Tracker Script Status")
        for script in plan.scripts {
            switch scriptStatistics[script.name]?.result ?? .unknown {
            case .unknown: break
            case .up: text.sample("keepalived_script_status", [("name", script.name)], 1)
            case .down: text.sample("keepalived_script_status", [("name", script.name)], 0)
            case .value(let value): text.sample("keepalived_script_status", [("name", script.name)], value == 0 ? 1 : 0)
            }
        }
        text.family("keepalived_script_state", .gauge, "Tracker Script State")
        for script in plan.scripts {
            text.sample("keepalived_script_state", [("name", script.name)], scriptStatistics[script.name]?.running == true ? 1 : 0)
        }

        // karun's own.
        text.family("karun_vrrp_state", .gauge, "Instance state: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 97 DELETED, 98 STOP")
        for instance in instances { text.sample("karun_vrrp_state", labels(instance), keepalivedStateNumber(instance.state)) }
        text.family("karun_vrrp_wanted_state", .gauge, "State the instance wants (keepalived's wantstate)")
        for instance in instances { text.sample("karun_vrrp_wanted_state", labels(instance), keepalivedWantState(instance)) }
        text.family("karun_vrrp_base_priority", .gauge, "Configured priority")
        for instance in instances { text.sample("karun_vrrp_base_priority", labels(instance), Int(instance.basePriority)) }
        text.family("karun_vrrp_effective_priority", .gauge, "Priority after tracker weights")
        for instance in instances { text.sample("karun_vrrp_effective_priority", labels(instance), Int(instance.effectivePriority)) }
        text.family("karun_vrrp_master_advert_interval_seconds", .gauge, "Advert interval of the current master (learned in v3)")
        for instance in instances {
            text.sample("karun_vrrp_master_advert_interval_seconds", labels(instance), Double(instance.masterAdvertisementInterval.microseconds) / 1e6)
        }
        text.family("karun_vrrp_vips_held", .gauge, "1 while the instance's VIPs, routes and rules are installed")
        for instance in instances { text.sample("karun_vrrp_vips_held", labels(instance), instance.holdsAddresses ? 1 : 0) }
        text.family("karun_vrrp_last_transition_timestamp_seconds", .gauge, "Wall-clock time of the last state change")
        for instance in instances {
            if let transition = counters.lastTransition[instance.name] {
                text.sample("karun_vrrp_last_transition_timestamp_seconds", labels(instance), transition.time)
            }
        }
        text.family("karun_transitions_total", .counter, "State changes by old state, new state and reason")
        for (key, count) in counters.transitionCounts.sorted(by: { Self.order($0.key, $1.key) }) {
            text.sample("karun_transitions_total", [
                ("iname", key.instance), ("from", key.from.description), ("to", key.to.description), ("reason", key.reason),
            ], count)
        }
        text.family("karun_lower_priority_while_master_total", .counter, "Adverts of lower priority heard while MASTER (both sides master)")
        for instance in instances {
            text.sample("karun_lower_priority_while_master_total", labels(instance), counters.lowerPriorityWhileMaster[instance.name] ?? 0)
        }
        text.family("karun_gratuitous_arp_sent_total", .counter, "Gratuitous ARP requests sent")
        for instance in instances { text.sample("karun_gratuitous_arp_sent_total", labels(instance), counters.garpSent[instance.name] ?? 0) }
        text.family("karun_unsolicited_na_sent_total", .counter, "Unsolicited neighbour advertisements sent")
        for instance in instances { text.sample("karun_unsolicited_na_sent_total", labels(instance), counters.naSent[instance.name] ?? 0) }
        text.family("karun_instance_drops_total", .counter, "Adverts an instance dropped, by reason")
        for instance in instances {
            for (reason, count) in (counters.instanceDrops[instance.name] ?? [:]).sorted(by: { $0.key < $1.key }) {
                text.sample("karun_instance_drops_total", labels(instance) + [("reason", reason)], count)
            }
        }
        text.family("karun_drops_total", .counter, "Packets dropped, by reason (all instances and those matching none)")
        for (reason, count) in counters.drops.sorted(by: { $0.key < $1.key }) {
            text.sample("karun_drops_total", [("reason", reason)], count)
        }
        text.add("karun_packets_received_total", .counter, "VRRP packets received", [([], Double(counters.packetsReceived))])
        text.add("karun_packets_sent_total", .counter, "VRRP packets sent", [([], Double(counters.packetsSent))])
        text.add("karun_send_errors_total", .counter, "VRRP packets that could not be sent", [([], Double(counters.sendErrors))])
        text.add("karun_unknown_vrid_total", .counter, "Adverts for a VRID no instance uses", [([], Double(router.unknownVirtualRouterIDs))])

        text.family("karun_sync_group_state", .gauge, "Sync group state (as karun_vrrp_state)")
        for group in plan.syncGroups {
            text.sample("karun_sync_group_state", [("name", group.name)], (router.syncGroupState(named: group.name) ?? .initialize).rawValue)
        }

        for (name, help, value) in [
            ("karun_script_runs_total", "vrrp_script runs started", { (s: ScriptStatistics) in s.runs }),
            ("karun_script_timeouts_total", "vrrp_script runs killed at their timeout", { (s: ScriptStatistics) in s.timeouts }),
            ("karun_script_skipped_total", "vrrp_script intervals skipped while the previous run went on", { (s: ScriptStatistics) in s.skipped }),
            ("karun_script_spawn_failures_total", "vrrp_script runs that could not start", { (s: ScriptStatistics) in s.spawnFailures }),
        ] {
            text.family(name, .counter, help)
            for script in plan.scripts { text.sample(name, [("name", script.name)], value(scriptStatistics[script.name] ?? ScriptStatistics())) }
        }
        text.family("karun_script_last_duration_seconds", .gauge, "Duration of the last finished vrrp_script run")
        for script in plan.scripts {
            guard let statistics = scriptStatistics[script.name] else { continue }
            if let duration = statistics.lastDuration {
                text.sample("karun_script_last_duration_seconds", [("name", script.name)], Double(duration.microseconds) / 1e6)
            }
        }
        text.family("karun_script_last_exit_code", .gauge, "Exit code of the last run (128+N when killed by signal N)")
        for script in plan.scripts {
            guard let exit = scriptStatistics[script.name]?.lastExit else { continue }
            let code: Int32 = switch exit {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
            text.sample("karun_script_last_exit_code", [("name", script.name)], Int(code))
        }

        let lateness = loop.lateness
        text.histogram(
            "karun_timer_lateness_seconds", "How late loop timers fired",
            bounds: LatenessRecorder.bounds.map { Double($0) / 1e6 }, counts: lateness.counts,
            sum: Double(lateness.totalMicroseconds) / 1e6)
        text.add("karun_timer_lateness_worst_seconds", .gauge, "Worst timer lateness since start", [([], Double(lateness.worstMicroseconds) / 1e6)])

        text.add("process_start_time_seconds", .gauge, "Start time of the process since unix epoch in seconds", [([], startedAtWallClock.rounded(.down))])
        if let resident = Self.residentMemoryBytes() {
            text.add("process_resident_memory_bytes", .gauge, "Resident memory size in bytes", [([], Double(resident))])
        }
        return text.output
    }

    static func order(_ a: TransitionCountKey, _ b: TransitionCountKey) -> Bool {
        (a.instance, a.from.rawValue, a.to.rawValue, a.reason) < (b.instance, b.from.rawValue, b.to.rawValue, b.reason)
    }

    /// VmRSS from /proc/self/statm (second field, in pages).
    static func residentMemoryBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
