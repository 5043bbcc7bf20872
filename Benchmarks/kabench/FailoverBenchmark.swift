import ArgumentParser
import Foundation
import KAVRRP

/// `kabench failover [--vs-keepalived]`: karun and keepalived 2.2.7 side by side in the same lab.
/// Takeover time after SIGKILL of the master and graceful hand-over after SIGTERM (median and worst
/// of N trials) at VRRPv2 advert_int 1 (multicast) and VRRPv3 advert_int 0.05 (unicast); how soon
/// after the decision to become MASTER the VIP is added and the first gratuitous ARP sent; resident
/// memory with 1 and 500 unicast instances; CPU per second with 500 instances at advert_int 1.
/// Needs root (network namespaces).
struct FailoverBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failover", abstract: "Failover time, memory and CPU of karun beside keepalived (root).")

    @Option(help: "SIGKILL trials per mode and daemon.")
    var trials = 10

    @Option(help: "SIGTERM (graceful hand-over) trials per mode and daemon.")
    var gracefulTrials = 5

    @Option(help: "Path of the karun executable (default: beside kabench).")
    var karun: String?

    @Flag(help: "karun and keepalived 2.2.7 side by side (the default).")
    var vsKeepalived = false

    @Flag(help: "Measure karun only.")
    var skipKeepalived = false

    @Option(help: "Instances for the memory and CPU figure.")
    var loadInstances = 500

    @Option(help: "Seconds over which steady-state CPU use is measured.")
    var cpuSeconds = 10.0

    @Option(help: "Seconds from start to the steady state (every instance MASTER, gratuitous ARP bursts over).")
    var settleSeconds = 30.0

    @Flag(help: "Only the memory and CPU figures (no failover trials).")
    var loadOnly = false

    struct Mode {
        var name: String
        var version: VRRPVersion
        var interval: VRRPDuration
        var unicast: Bool
    }

    static let modes = [
        Mode(name: "v2 multicast, advert_int 1", version: .v2, interval: .seconds(1), unicast: false),
        Mode(name: "v3 unicast, advert_int 0.05", version: .v3, interval: .centiseconds(5), unicast: true),
    ]

    /// What one trial measured.
    struct Trial {
        /// Signal to the backup holding the VIP, seconds.
        var takeover: Double
        /// From the backup's "Entering MASTER STATE" line to its VIP line and first gratuitous ARP
        /// line, as the lines reached stderr (seconds); karun: also by its own log timestamps.
        var toVIP: Double?
        var toGARP: Double?
        var ownStampsToGARP: Double?
    }

    func validate() throws {
        if vsKeepalived && skipKeepalived { throw ValidationError("--vs-keepalived and --skip-keepalived exclude each other") }
    }

    func run() throws {
        guard getuid() == 0 else { throw ValidationError("kabench failover needs root (network namespaces)") }
        let executable = karun ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("karun").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no karun at \(executable): swift build -c release --product karun")
        }
        let daemons: [FailoverLab.Daemon] = skipKeepalived ? [.karun] : [.karun, .keepalived]
        print("kabench failover\(skipKeepalived ? "" : " --vs-keepalived"): takeover = signal to the master until the backup holds the VIP")
        var afterDecision: [FailoverLab.Daemon: [Trial]] = [:]
        for mode in loadOnly ? [] : Self.modes {
            let downInterval = Self.seconds(VRRPTimers.masterDownInterval(version: mode.version, priority: 100, masterAdvertisementInterval: mode.interval))
            let skew = Self.seconds(VRRPTimers.skewTime(version: mode.version, priority: 100, masterAdvertisementInterval: mode.interval))
            print("\n\(mode.name) (backup at priority 100: Master_Down_Interval \(formatted(downInterval * 1000, decimals: 0)) ms, Skew_Time \(formatted(skew * 1000, decimals: 0)) ms)")
            var decisions: [(FailoverLab.Daemon, [Trial])] = []
            for daemon in daemons {
                let lab = try FailoverLab(karun: executable)
                var killed: [Trial] = []
                for trial in 0..<trials {
                    if let result = try takeover(lab, daemon: daemon, mode: mode, trial: trial, signal: SIGKILL) { killed.append(result) }
                }
                print("  SIGKILL  \(Self.padded(daemon.rawValue)) " + Self.summary(killed.map(\.takeover), of: trials))
                var terminated: [Trial] = []
                for trial in 0..<gracefulTrials {
                    if let result = try takeover(lab, daemon: daemon, mode: mode, trial: trial, signal: SIGTERM) { terminated.append(result) }
                }
                print("  SIGTERM  \(Self.padded(daemon.rawValue)) " + Self.summary(terminated.map(\.takeover), of: gracefulTrials))
                decisions.append((daemon, killed))
                afterDecision[daemon, default: []] += killed
            }
            print("  after the decision (the backup's \"Entering MASTER STATE\" line; lines timed as they reach stderr):")
            for (daemon, trials) in decisions {
                let vipLabel = daemon == .karun ? "VIP added" : "\"setting VIPs\""
                print("    \(Self.padded(daemon.rawValue)) \(vipLabel) " + Self.milliseconds(trials.compactMap(\.toVIP))
                    + ", first gratuitous ARP " + Self.milliseconds(trials.compactMap(\.toGARP))
                    + (daemon == .karun ? " (karun's own log stamps: " + Self.milliseconds(trials.compactMap(\.ownStampsToGARP)) + ")" : ""))
            }
        }
        if !afterDecision.isEmpty { print("") }
        for daemon in daemons {
            guard let trials = afterDecision[daemon], !trials.isEmpty else { continue }
            // The first gratuitous ARP follows the VIP's addition in both daemons.
            let garps = trials.compactMap { trial in trial.toGARP.map { max($0, trial.toVIP ?? 0) } }
            let within = garps.filter { $0 <= 0.010 }.count
            print("\(Self.padded(daemon.rawValue)) VIP added and first gratuitous ARP sent within 10 ms of the decision in \(within) of \(trials.count) SIGKILL trials"
                + (garps.max().map { " (worst \(formatted($0 * 1000, decimals: 1)) ms)" } ?? ""))
        }
        print("\nResident memory and CPU (one node, every instance MASTER, advert_int 1, unicast to a peer that only listens):")
        print("  CPU while the instances take over (start to \(formatted(settleSeconds, decimals: 0)) s: down timers, VIPs, two gratuitous ARP bursts),")
        print("  then at steady state over \(formatted(cpuSeconds, decimals: 0)) s, with the resident set then")
        for count in [1, loadInstances] {
            for daemon in daemons {
                let lab = try FailoverLab(karun: executable, interfacesPerNode: 2)
                let sink = try lab.openSink(2)
                defer { close(sink) }
                let started = monotonicSeconds()
                let running = try lab.start(daemon, node: 1, config: Self.loadConfig(instances: count), tag: "load-\(daemon)-\(count)")
                Thread.sleep(forTimeInterval: max(0, settleSeconds - (monotonicSeconds() - started)))
                let settled = FailoverLab.cpuSeconds(running)
                let settledRun = FailoverLab.runSeconds(running)
                let takeoverWall = monotonicSeconds() - started
                let rss = FailoverLab.residentKiB(running)
                let wallStart = monotonicSeconds()
                Thread.sleep(forTimeInterval: cpuSeconds)
                let cpuEnd = FailoverLab.cpuSeconds(running)
                let runEnd = FailoverLab.runSeconds(running)
                let wall = monotonicSeconds() - wallStart
                let user = (cpuEnd.user - settled.user) / wall
                let system = (cpuEnd.system - settled.system) / wall
                // Run time to the nanosecond, over the adverts due in the window (one per instance
                // per second): what one advert costs, the loop's wake-ups included.
                let run = runEnd - settledRun
                let perAdvert = run / (Double(count) * wall) * 1e6
                lab.stop(running)
                print("  \(String(count).padding(toLength: 4, withPad: " ", startingAt: 0)) instance(s)  \(Self.padded(daemon.rawValue)) "
                    + "take-over CPU \(formatted((settled.user + settled.system) / takeoverWall * 100, decimals: 1)) %   "
                    + "steady CPU \(formatted(run / wall * 100, decimals: 2)) % of a core, \(formatted(perAdvert, decimals: 1)) µs per advert "
                    + "(ticks: user \(formatted(user * 100, decimals: 2)) %, system \(formatted(system * 100, decimals: 2)) %)   "
                    + "RSS \(formatted(Double(rss) / 1024, decimals: 1)) MB")
            }
        }
    }

    /// One trial: both nodes up, n1 (150) MASTER; `signal` to its daemon; until n2 holds the VIP.
    func takeover(_ lab: FailoverLab, daemon: FailoverLab.Daemon, mode: Mode, trial: Int, signal: Int32) throws -> Trial? {
        let vip: IPAddress = "192.0.2.200"
        lab.removeAddress(1, "192.0.2.200/24")
        lab.removeAddress(2, "192.0.2.200/24")
        let kind = signal == SIGKILL ? "kill" : "term"
        let backupTag = "\(daemon)-\(kind)-\(trial)-2"
        let master = try lab.start(daemon, node: 1, config: Self.pairConfig(node: 1, priority: 150, mode: mode), tag: "\(daemon)-\(kind)-\(trial)-1")
        let backup = try lab.start(daemon, node: 2, config: Self.pairConfig(node: 2, priority: 100, mode: mode), tag: backupTag, verbose: true)
        defer {
            lab.stop(backup)
            lab.stop(master)
        }
        let downInterval = Self.seconds(VRRPTimers.masterDownInterval(version: mode.version, priority: 100, masterAdvertisementInterval: mode.interval))
        guard lab.wait(timeout: downInterval + 10, { lab.holds(1, vip) && !lab.holds(2, vip) }) != nil else {
            FileHandle.standardError.write(Data("trial \(trial): \(daemon) did not elect n1\n".utf8))
            return nil
        }
        // Let the backup settle (it has heard the master for a while).
        Thread.sleep(forTimeInterval: downInterval + 0.5)
        guard lab.holds(1, vip), !lab.holds(2, vip) else { return nil }
        let signalled = monotonicSeconds()
        if signal == SIGKILL { lab.kill(master, SIGKILL) } else { lab.terminate(master) }
        guard let time = lab.wait(timeout: downInterval + 5, { lab.holds(2, vip) }) else { return nil }
        master.launcher.waitUntilExit()
        // Give the stamping thread a moment to write the lines that followed.
        Thread.sleep(forTimeInterval: 0.1)
        var result = Trial(takeover: time)
        let lines = StampedLog.lines(lab.logPath(backupTag)).filter { $0.time >= signalled }
        if let decision = lines.first(where: { $0.text.contains("Entering MASTER STATE") }) {
            let after = lines.filter { $0.time >= decision.time }
            let vipMarker = daemon == .karun ? "added 192.0.2.200" : "setting VIPs"
            let garpMarker = daemon == .karun ? "sent gratuitous ARP" : "Sending gratuitous ARP"
            result.toVIP = after.first { $0.text.contains(vipMarker) }.map { $0.time - decision.time }
            result.toGARP = after.first { $0.text.contains(garpMarker) }.map { $0.time - decision.time }
            if daemon == .karun, let start = Self.ownStamp(decision.text),
               let garp = after.first(where: { $0.text.contains(garpMarker) }).flatMap({ Self.ownStamp($0.text) }) {
                result.ownStampsToGARP = garp - start
            }
        }
        return result
    }

    /// Seconds of the day of karun's own log stamp (`2026-12-04 16:37:00.599 karun[...]: ...`).
    static func ownStamp(_ line: String) -> Double? {
        let words = line.split(separator: " ")
        guard words.count > 1 else { return nil }
        let parts = words[1].split(separator: ":")
        guard parts.count == 3, let hours = Double(parts[0]), let minutes = Double(parts[1]), let seconds = Double(parts[2]) else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }

    static func seconds(_ duration: VRRPDuration) -> Double { Double(duration.microseconds) / 1e6 }

    static func padded(_ text: String) -> String { text.padding(toLength: 10, withPad: " ", startingAt: 0) }

    static func pairConfig(node: Int, priority: Int, mode: Mode) -> String {
        let peer = node == 1 ? 2 : 1
        let unicast = mode.unicast ? """
                unicast_src_ip 192.0.2.1\(node)
                unicast_peer {
                    192.0.2.1\(peer)
                }
            """ : ""
        return """
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 90
                version \(mode.version == .v2 ? 2 : 3)
                priority \(priority)
                advert_int \(mode.version == .v2 ? "1" : "0.05")
            \(unicast)
                virtual_ipaddress {
                    192.0.2.200/24
                }
            }
            """
    }

    /// `count` unicast instances over eth0 and eth1 (VRIDs 1-250 on each), each with one VIP,
    /// advertising to n2's address on that link (no daemon runs there, only a socket that listens:
    /// every instance is MASTER).
    static func loadConfig(instances count: Int) -> String {
        (0..<count).map { index in
            let interface = index < 250 ? 0 : 1
            let vrid = index % 250 + 1
            let vip = interface == 0 ? "198.51.100.\(vrid)" : "203.0.113.\(vrid)"
            let subnet = interface == 0 ? "192.0.2" : "192.0.3"
            return """
                vrrp_instance VI_\(index) {
                    interface eth\(interface)
                    virtual_router_id \(vrid)
                    priority 100
                    advert_int 1
                    unicast_src_ip \(subnet).11
                    unicast_peer {
                        \(subnet).12
                    }
                    virtual_ipaddress {
                        \(vip)/32
                    }
                }
                """
        }.joined(separator: "\n")
    }

    static func summary(_ times: [Double], of trials: Int) -> String {
        guard !times.isEmpty else { return "no takeover measured" }
        let sorted = times.sorted()
        return "median \(formatted(median(sorted) * 1000, decimals: 0)) ms   worst \(formatted(sorted.last! * 1000, decimals: 0)) ms   best \(formatted(sorted.first! * 1000, decimals: 0)) ms   (\(times.count)/\(trials) trials)"
    }

    /// "median 0.4 ms, worst 1.2 ms" of `values` (seconds), or "not logged".
    static func milliseconds(_ values: [Double]) -> String {
        guard let worst = values.max() else { return "not logged" }
        return "median \(formatted(median(values.sorted()) * 1000, decimals: 2)) ms, worst \(formatted(worst * 1000, decimals: 2)) ms"
    }

    static func median(_ sorted: [Double]) -> Double {
        sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
