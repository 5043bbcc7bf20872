#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAConfig
import KAJSON
import KAVRRP

/// keepalived's status surfaces, so tooling written for keepalived (mehdy/keepalived-exporter,
/// gen2brain/keepalived_exporter, scripts) keeps working: on its signal numbers karun writes
/// `keepalived.json` (SIGJSON, version 1: a bare array of `{data, stats}` with keepalived 2.2.7's
/// keys and value types), `keepalived.data` (SIGUSR1) and `keepalived.stats` (SIGUSR2; the
/// STATS_CLEAR signal writes it and then clears). Files go to `--status-dir`, else `$TMPDIR`,
/// else /tmp, mode 0600, each replaced atomically (temporary file in the same directory, rename).
///
/// Clearing: keepalived zeroes its counters; karun's engine counters keep counting (Prometheus
/// counters and `karun status` must not go backwards), so the keepalived files show the counts
/// since the last clear: a baseline taken at STATS_CLEAR is subtracted.
public struct KeepalivedStatsBaseline: Sendable {
    var values: [String: [String: Int]] = [:]
}

extension Daemon {
    /// Answers keepalived's DATA / STATS / STATS_CLEAR / JSON signals; false for other signals.
    @discardableResult
    func answerStatusSignal(_ number: Int32) -> Bool {
        guard let signal = KeepalivedSignal(statusSignal: number) else { return false }
        let directory = statusDirectory
        let result: Result<String, SystemError>
        switch signal {
        case .json:
            result = StatusFile.replace(directory: directory, name: "keepalived.json", keepalivedJSON().text() + "\n")
        case .data:
            result = StatusFile.replace(directory: directory, name: "keepalived.data", keepalivedData())
        case .stats:
            result = StatusFile.replace(directory: directory, name: "keepalived.stats", keepalivedStats())
        case .statsClear:
            result = StatusFile.replace(directory: directory, name: "keepalived.stats", keepalivedStats())
            clearKeepalivedStats()
        case .stop, .reload:
            return false
        }
        switch result {
        case .success(let path): logger.debug("\(signal.rawValue): wrote \(path)")
        case .failure(let error): logger.warning("\(signal.rawValue): cannot write status file: \(error)")
        }
        return true
    }

    /// `--status-dir`, else `$TMPDIR`, else /tmp (keepalived's choice).
    var statusDirectory: String {
        if let directory = options.statusDirectory, !directory.isEmpty { return directory }
        if let tmp = getenv("TMPDIR"), let text = String(validatingCString: tmp), !text.isEmpty { return text }
        return "/tmp"
    }

    func clearKeepalivedStats() {
        var values: [String: [String: Int]] = [:]
        for instance in router.instances {
            values[instance.name] = Dictionary(uniqueKeysWithValues: rawKeepalivedStats(instance))
        }
        keepalivedBaseline.values = values
    }

    // MARK: keepalived.json

    /// keepalived 2.2.7's `vrrp_json.c`, version 1: keys in its order, its value types (integers
    /// for states and flags it prints as integers, booleans where it prints booleans, epoch float
    /// for last_transition), optional keys only when keepalived prints them. One difference:
    /// `auth_data` is masked ("********", as later keepalived versions do), the file is not the
    /// place for a password.
    func keepalivedJSON() -> JSONValue {
        .array(plan.instances.compactMap { configuration in
            router.instance(named: configuration.name).map { instance in
                .object([("data", keepalivedJSONData(instance)), ("stats", .object(keepalivedStatsValues(instance).map { ($0.0, .int($0.1)) }))])
            }
        })
    }

    func keepalivedJSONData(_ instance: KAVRRP.VRRPInstance) -> JSONValue {
        let configuration = instance.configuration
        let shell = plan.instancePlans[instance.name]
        let garp = configuration.gratuitousARP
        var pairs: [(String, JSONValue)] = [
            ("iname", .string(instance.name)),
            ("dont_track_primary", .int(configuration.dontTrackPrimary ? 1 : 0)),
            ("skip_check_adv_addr", .int(configuration.skipCheckAdvertAddresses ? 1 : 0)),
            ("strict_mode", .int(0)),
            ("vmac_ifname", .string(shell?.vmac?.name ?? "")),
            ("ifp_ifname", .string(keepalivedInterfaceName(instance))),
            ("master_priority", .int(0)),
            ("last_transition", .double(counters.lastTransition[instance.name]?.time ?? startedAtWallClock)),
            ("garp_delay", .int(Self.wholeSeconds(garp.masterDelay))),
            ("garp_refresh", .int(Self.wholeSeconds(garp.masterRefresh))),
            ("garp_rep", .int(garp.masterRepeat)),
            ("garp_refresh_rep", .int(garp.masterRefreshRepeat)),
            ("garp_lower_prio_delay", .int(Self.wholeSeconds(garp.lowerPriorityDelay))),
            ("garp_lower_prio_rep", .int(garp.lowerPriorityRepeat)),
            ("lower_prio_no_advert", .int(configuration.lowerPriorityNoAdvert ? 1 : 0)),
            ("higher_prio_send_advert", .int(configuration.higherPrioritySendAdvert ? 1 : 0)),
            ("vrid", .int(Int(configuration.virtualRouterID))),
            ("base_priority", .int(Int(instance.basePriority))),
            ("effective_priority", .int(Int(instance.effectivePriority))),
            ("vipset", .bool(instance.holdsAddresses)),
            ("promote_secondaries", .bool(false)),
            ("adver_int", Self.secondsNumber(configuration.effectiveAdvertisementInterval)),
            ("master_adver_int", Self.secondsNumber(instance.masterAdvertisementInterval)),
            ("accept", .int(1)),
            ("nopreempt", .bool(configuration.nopreempt)),
            ("preempt_delay", .int(Self.wholeSeconds(configuration.preemptDelay))),
            ("state", .int(keepalivedStateNumber(instance.state))),
            ("wantstate", .int(keepalivedWantState(instance))),
            ("version", .int(configuration.version == .v2 ? 2 : 3)),
            ("smtp_alert", .bool(false)),
            ("notify_deleted", .bool(false)),
        ]
        let notify = configuration.notify
        for (key, command) in [
            ("script_backup", notify.backup), ("script_master", notify.master), ("script_fault", notify.fault),
            ("script_stop", notify.stop), ("script_deleted", notify.deleted), ("script", notify.generic),
            ("script_master_rx_lower_pri", notify.masterReceivedLowerPriority),
        ] {
            if let command { pairs.append((key, .string(quotedCommand(notify: command)))) }
        }
        let vips = configuration.virtualAddresses.map { keepalivedAddressText($0, instance: instance) }
        if !vips.isEmpty { pairs.append(("vips", .array(vips.map { .string($0) }))) }
        let evips = configuration.excludedVirtualAddresses.map { keepalivedAddressText($0, instance: instance) }
        if !evips.isEmpty { pairs.append(("evips", .array(evips.map { .string($0) }))) }
        if !configuration.virtualRoutes.isEmpty {
            pairs.append(("vroutes", .array(configuration.virtualRoutes.map { .string($0.specification) })))
        }
        if !configuration.virtualRules.isEmpty {
            pairs.append(("vrules", .array(configuration.virtualRules.map { .string($0.specification) })))
        }
        for (key, kind) in [("track_ifp", TrackerKind.interface), ("track_script", .script), ("track_process", .process)] {
            let names = keepalivedTrackers(instance, kind).map { tracker in
                kind == .script ? quotedScript(tracker.key.name) : tracker.key.name
            }
            if !names.isEmpty { pairs.append((key, .array(names.map { .string($0) }))) }
        }
        pairs.append(("auth_type", .int(Int(configuration.authentication.typeCode))))
        if configuration.authentication.typeCode != 0 { pairs.append(("auth_data", .string("********"))) }
        return .object(pairs)
    }

    // MARK: keepalived.stats

    /// The counters as keepalived's JSON and stats file name them, counting since start.
    func rawKeepalivedStats(_ instance: KAVRRP.VRRPInstance) -> [(String, Int)] {
        let statistics = instance.statistics
        let drops = counters.instanceDrops[instance.name] ?? [:]
        return [
            ("advert_rcvd", statistics.advertisementsReceived),
            ("advert_sent", statistics.advertisementsSent),
            ("become_master", statistics.becameMaster),
            ("release_master", statistics.releasedMaster),
            ("packet_len_err", statistics.malformedPackets),
            ("advert_interval_err", statistics.intervalErrors),
            ("ip_ttl_err", statistics.hopLimitErrors),
            ("invalid_type_rcvd", drops["invalid_type"] ?? 0),
            ("addr_list_err", statistics.addressListErrors),
            ("invalid_authtype", max(0, (drops["auth_type"] ?? 0) - statistics.authenticationTypeMismatches)),
            ("authtype_mismatch", statistics.authenticationTypeMismatches),
            ("auth_failure", statistics.authenticationFailures),
            ("pri_zero_rcvd", statistics.priorityZeroReceived),
            ("pri_zero_sent", statistics.priorityZeroSent),
        ]
    }

    /// Since the last STATS_CLEAR (a counter below its baseline, after a reload rebuilt the
    /// instance, counts from zero again).
    func keepalivedStatsValues(_ instance: KAVRRP.VRRPInstance) -> [(String, Int)] {
        let baseline = keepalivedBaseline.values[instance.name] ?? [:]
        return rawKeepalivedStats(instance).map { key, value in
            let base = baseline[key] ?? 0
            return (key, value >= base ? value - base : value)
        }
    }

    /// keepalived's `vrrp_print_stats` layout, which the exporters parse.
    func keepalivedStats() -> String {
        var text = ""
        for configuration in plan.instances {
            guard let instance = router.instance(named: configuration.name) else { continue }
            let values = Dictionary(uniqueKeysWithValues: keepalivedStatsValues(instance))
            func value(_ key: String) -> Int { values[key] ?? 0 }
            text += """
                VRRP Instance: \(instance.name)
                  Advertisements:
                    Received: \(value("advert_rcvd"))
                    Sent: \(value("advert_sent"))
                  Became master: \(value("become_master"))
                  Released master: \(value("release_master"))
                  Packet Errors:
                    Length: \(value("packet_len_err"))
                    TTL: \(value("ip_ttl_err"))
                    Invalid Type: \(value("invalid_type_rcvd"))
                    Advertisement Interval: \(value("advert_interval_err"))
                    Address List: \(value("addr_list_err"))
                  Authentication Errors:
                    Invalid Type: \(value("invalid_authtype"))
                    Type Mismatch: \(value("authtype_mismatch"))
                    Failure: \(value("auth_failure"))
                  Priority Zero:
                    Received: \(value("pri_zero_rcvd"))
                    Sent: \(value("pri_zero_sent"))

                """
        }
        return text
    }

    // MARK: keepalived.data

    /// keepalived's `dump_data_vrrp` layout for what karun has: global definitions, one block per
    /// instance ("VRRP Topology") and per script. The lines the exporters read (State, Wantstate,
    /// Interface, Virtual Router ID, Gratuitous ARP delay, Virtual IP, script Status and State)
    /// are keepalived's, word for word.
    func keepalivedData() -> String {
        var lines = ["------< Global definitions >------"]
        lines.append(" Network namespace = (default)")
        lines.append(" Router ID = \(plan.global.routerID ?? Self.hostName())")
        lines.append(" Gratuitous ARP interval = \(Self.fixed(plan.global.garpInterval))")
        lines.append(" Gratuitous NA interval = \(Self.fixed(plan.global.gnaInterval))")
        lines.append(" Script security \(plan.global.enableScriptSecurity ? "enabled" : "disabled")")
        lines.append("------< VRRP Topology >------")
        for configuration in plan.instances {
            guard let instance = router.instance(named: configuration.name) else { continue }
            lines += keepalivedDataLines(instance)
        }
        lines.append("------< VRRP Scripts >------")
        let statistics = scripts.statistics
        for script in plan.scripts {
            let entry = statistics[script.name]
            lines.append(" VRRP Script = \(script.name)")
            lines.append("   Command = \(Self.quoted(script.command.argv))")
            lines.append("   Interval = \(Self.wholeSeconds(script.interval)) sec")
            lines.append("   Timeout = \(Self.wholeSeconds(script.timeout)) sec")
            lines.append("   Rise = \(script.rise)")
            lines.append("   Fall = \(script.fall)")
            let status: String = switch entry?.result ?? .unknown {
            case .unknown: "INIT"
            case .up: "GOOD"
            case .down: "BAD"
            case .value(let value): value == 0 ? "GOOD" : "BAD"
            }
            lines.append("   Status = \(status)")
            lines.append("   State = \(entry?.running == true ? "running" : "idle")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func keepalivedDataLines(_ instance: KAVRRP.VRRPInstance) -> [String] {
        let configuration = instance.configuration
        let shell = plan.instancePlans[instance.name]
        let garp = configuration.gratuitousARP
        var lines = [" VRRP Instance = \(instance.name)"]
        lines.append("   VRRP Version = \(configuration.version == .v2 ? 2 : 3)")
        lines.append("   State = \(instance.state.description)")
        if instance.state == .backup, let master = instance.masterAddress {
            lines.append("   Master router = \(master)")
        }
        lines.append("   Wantstate = \(Self.stateWord(keepalivedWantState(instance)))")
        let time = counters.lastTransition[instance.name]?.time ?? startedAtWallClock
        lines.append("   Last transition = \(Self.epochText(time)) (\(Self.dateText(time)))")
        if let vmac = shell?.vmac, let base = shell?.interface {
            lines.append("   Use VMAC, i/f name \(vmac.name), is_up = true, xmit_base = \(vmac.transmitOnBase)")
            lines.append("   Interface = \(vmac.name), vmac on \(base)")
        } else {
            lines.append("   Interface = \(keepalivedInterfaceName(instance))")
        }
        lines.append("   Using src_ip = \(configuration.sourceAddress)")
        if configuration.isUnicast {
            lines.append("   Unicast Peer :")
            for peer in configuration.unicastPeers { lines.append("     \(peer.address)") }
        } else {
            let group = configuration.multicastGroup?.description ?? (configuration.family == .ipv4 ? "224.0.0.18" : "ff02::12")
            lines.append("   Multicast address \(group)")
        }
        lines.append("   Gratuitous ARP delay = \(Self.wholeSeconds(garp.masterDelay))")
        lines.append("   Gratuitous ARP repeat = \(garp.masterRepeat)")
        lines.append("   Gratuitous ARP refresh = \(Self.wholeSeconds(garp.masterRefresh))")
        lines.append("   Gratuitous ARP refresh repeat = \(garp.masterRefreshRepeat)")
        lines.append("   Gratuitous ARP lower priority delay = \(Self.wholeSeconds(garp.lowerPriorityDelay))")
        lines.append("   Gratuitous ARP lower priority repeat = \(garp.lowerPriorityRepeat)")
        lines.append("   Down timer adverts = \(configuration.downTimerAdverts)")
        lines.append("   Virtual Router ID = \(configuration.virtualRouterID)")
        lines.append("   Priority = \(instance.basePriority)")
        lines.append("   Effective priority = \(instance.effectivePriority)")
        lines.append("   Total priority = \(instance.effectivePriority)")
        let interval = configuration.effectiveAdvertisementInterval
        lines.append(configuration.version == .v2
            ? "   Advert interval = \(Self.wholeSeconds(interval)) sec"
            : "   Advert interval = \(interval.microseconds / 1000) milli-sec")
        if configuration.version == .v3, instance.state == .backup {
            lines.append("   Master advert interval = \(instance.masterAdvertisementInterval.microseconds / 1000) milli-sec")
        }
        lines.append("   Accept = enabled")
        lines.append("   Preempt = \(configuration.nopreempt ? "disabled" : "enabled")")
        switch configuration.authentication.typeCode {
        case 1:
            lines.append("   Authentication type = SIMPLE_PASSWORD")
            lines.append("   Password = ********")
        case 2:
            lines.append("   Authentication type = IPSEC_AH")
        default:
            break
        }
        if !configuration.virtualAddresses.isEmpty {
            lines.append("   Virtual IP (\(configuration.virtualAddresses.count)):")
            for address in configuration.virtualAddresses {
                lines.append("     " + keepalivedAddressText(address, instance: instance))
            }
        }
        if !configuration.excludedVirtualAddresses.isEmpty {
            lines.append("   Virtual IP Excluded :")
            for address in configuration.excludedVirtualAddresses {
                lines.append("     " + keepalivedAddressText(address, instance: instance))
            }
        }
        if !configuration.virtualRoutes.isEmpty {
            lines.append("   Virtual Routes :")
            for route in configuration.virtualRoutes { lines.append("     \(route.specification)") }
        }
        let interfaces = keepalivedTrackers(instance, .interface)
        if !interfaces.isEmpty {
            lines.append("   Tracked interfaces :")
            for tracker in interfaces { lines.append("     \(tracker.key.name) weight \(tracker.weight)") }
        }
        let scripts = configuration.trackers.filter { $0.key.kind == .script }
        if !scripts.isEmpty {
            lines.append("   Tracked scripts :")
            for tracker in scripts { lines.append("     \(tracker.key.name) weight \(tracker.weight)") }
        }
        return lines
    }

    // MARK: Helpers

    /// The trackers keepalived lists: it drops a weight-0 `track_interface` of the instance's own
    /// interface (tracked anyway), as keepalived 2.2.7's own keepalived.json shows.
    func keepalivedTrackers(_ instance: KAVRRP.VRRPInstance, _ kind: TrackerKind) -> [TrackerConfiguration] {
        let own: Set<String> = [instance.configuration.interface, plan.instancePlans[instance.name]?.interface ?? ""]
        return instance.configuration.trackers.filter { tracker in
            tracker.key.kind == kind && !(kind == .interface && tracker.weight == 0 && own.contains(tracker.key.name))
        }
    }

    /// The interface keepalived names as the instance's `ifp`: the VMAC when there is one.
    func keepalivedInterfaceName(_ instance: KAVRRP.VRRPInstance) -> String {
        let shell = plan.instancePlans[instance.name]
        return shell?.vmac?.name ?? shell?.interface ?? instance.configuration.interface
    }

    /// keepalived's numeric states: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT (STOP 98, DELETED 97).
    func keepalivedStateNumber(_ state: InstanceState) -> Int { state.rawValue }

    func keepalivedWantState(_ instance: KAVRRP.VRRPInstance) -> Int {
        if instance.wantsMaster { return InstanceState.master.rawValue }
        if instance.state == .fault || instance.state == .initialize { return instance.state.rawValue }
        return InstanceState.backup.rawValue
    }

    /// An address as keepalived prints it (iproute style): `192.0.2.1/24 dev eth0 scope global
    /// label eth0:v set`, the prefix left out for a host address, `@base` after a VMAC, `set`
    /// while it is installed.
    func keepalivedAddressText(_ address: KAVRRP.VirtualAddress, instance: KAVRRP.VRRPInstance) -> String {
        let shell = plan.instancePlans[instance.name]
        let model = shell?.addressDetails[address]
        let isIPv4 = address.address.family == .ipv4
        var text = address.address.description
        if Int(address.prefixLength) != (isIPv4 ? 32 : 128) { text += "/\(address.prefixLength)" }
        if let broadcast = model?.broadcast { text += " brd \(broadcast)" }
        if let device = address.device ?? shell?.defaultAddressDevice {
            text += " dev \(device)"
            if let vmac = shell?.vmac, vmac.name == device, let base = shell?.interface { text += "@\(base)" }
        }
        text += " scope \(model?.scope ?? Self.defaultScope(address.address))"
        if let label = model?.label { text += " label \(label)" }
        if let peer = model?.peer { text += " peer \(peer)" }
        if !isIPv4 { text += " preferred_lft \(model?.preferredLifetime ?? "forever")" }
        if instance.holdsAddresses { text += " set" }
        return text
    }

    static func defaultScope(_ address: IPAddress) -> String {
        let bytes = address.bytes
        if address.family == .ipv4 { return bytes.first == 127 ? "host" : "global" }
        if bytes.count == 16, bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return "link" }
        return "global"
    }

    /// A `vrrp_script` as keepalived names it in `track_script`: its command line, quoted.
    func quotedScript(_ name: String) -> String {
        guard let script = plan.scripts.first(where: { $0.name == name }) else { return name }
        return Self.quoted(script.command.argv)
    }

    func quotedCommand(notify command: String) -> String {
        Self.quoted(plan.notifyCommands[command]?.argv ?? [command])
    }

    static func quoted(_ argv: [String]) -> String {
        argv.map { "'" + $0 + "'" }.joined(separator: " ")
    }

    static func wholeSeconds(_ duration: VRRPDuration) -> Int { Int(duration.microseconds / 1_000_000) }

    /// Seconds as keepalived's JSON prints them (`%g`): `1`, `0.5`.
    static func secondsNumber(_ duration: VRRPDuration) -> JSONValue {
        duration.microseconds % 1_000_000 == 0 ? .int(wholeSeconds(duration)) : .double(Double(duration.microseconds) / 1e6)
    }

    static func fixed(_ duration: VRRPDuration) -> String {
        let micros = duration.microseconds
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    static func stateWord(_ number: Int) -> String {
        InstanceState(rawValue: number)?.description ?? "UNKNOWN"
    }

    /// `1796393069.016206`
    static func epochText(_ seconds: Double) -> String {
        let whole = Int(seconds)
        let micros = String(Int((seconds - Double(whole)) * 1e6))
        return "\(whole)." + String(repeating: "0", count: max(0, 6 - micros.count)) + micros
    }

    /// `Fri Dec  4 14:04:29.016206 2026`, local time, as keepalived's `ctime`-style dump.
    static func dateText(_ seconds: Double) -> String {
        var time = time_t(Int(seconds))
        var parts = tm()
        localtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a %b %e %H:%M:%S", &parts)
        let head = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let epoch = epochText(seconds)
        let fraction = epoch.split(separator: ".").last.map(String.init) ?? "000000"
        return "\(head).\(fraction) \(Int(parts.tm_year) + 1900)"
    }

    /// When karun started, on the wall clock (keepalived's last_transition before any transition).
    var startedAtWallClock: Double {
        MonotonicClock.wallClockSeconds() - Double((loop.now - startedAt).microseconds) / 1e6
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Writes a status file the way keepalived replaces keepalived.json: a temporary file in the
/// same directory (mode 0600), written in full, then renamed over the old one, so a reader sees
/// the old file or the new one, never half of one.
enum StatusFile {
    static func replace(directory: String, name: String, _ contents: String) -> Result<String, SystemError> {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        var templateBytes = Array(((directory.hasSuffix("/") ? directory : directory + "/") + "." + name + ".XXXXXX").utf8CString)
        let fd = mkstemp(&templateBytes)
        guard fd >= 0 else { return .failure(SystemError("mkstemp in \(directory)")) }
        let temporary = String(decoding: templateBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        fchmod(fd, 0o600)
        let bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let error = SystemError("write \(temporary)")
                close(fd)
                unlink(temporary)
                return .failure(error)
            }
            offset += written
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = SystemError("rename \(temporary) to \(path)")
            unlink(temporary)
            return .failure(error)
        }
        return .success(path)
    }
}
