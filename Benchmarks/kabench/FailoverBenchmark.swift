import ArgumentParser
import Foundation
import KAVRRP

/// `kabench failover`: karun and keepalived 2.2.7 side by side in the same lab. Takeover time
/// after SIGKILL of the master (median and worst of N trials) at VRRPv2 advert_int 1 (multicast)
/// and VRRPv3 advert_int 0.05 (unicast); resident memory with 1 and 500 instances; CPU per
/// second with 500 instances at advert_int 1. Needs root (network namespaces).
struct FailoverBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failover", abstract: "Failover time, memory and CPU of karun beside keepalived (root).")

    @Option(help: "SIGKILL trials per mode and daemon.")
    var trials = 10

    @Option(help: "Path of the karun executable (default: beside kabench).")
    var karun: String?

    @Flag(help: "Measure karun only.")
    var skipKeepalived = false

    @Option(help: "Instances for the memory and CPU figure.")
    var loadInstances = 500

    @Option(help: "Seconds over which CPU use is measured.")
    var cpuSeconds = 10.0

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

    func run() throws {
        guard getuid() == 0 else { throw ValidationError("kabench failover needs root (network namespaces)") }
        let executable = karun ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("karun").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no karun at \(executable): swift build -c release --product karun")
        }
        let daemons: [FailoverLab.Daemon] = skipKeepalived ? [.karun] : [.karun, .keepalived]
        print("kabench failover: \(trials) SIGKILL trials per mode; takeover = SIGKILL of the master until the backup holds the VIP")
        for mode in loadOnly ? [] : Self.modes {
            let expected = Double(VRRPTimers.masterDownInterval(version: mode.version, priority: 100, masterAdvertisementInterval: mode.interval).microseconds) / 1e6
            print("\n\(mode.name) (Master_Down_Interval of the backup: \(formatted(expected * 1000, decimals: 0)) ms)")
            for daemon in daemons {
                let lab = try FailoverLab(karun: executable)
                var times: [Double] = []
                for trial in 0..<trials {
                    if let time = try takeover(lab, daemon: daemon, mode: mode, trial: trial) { times.append(time) }
                }
                print("  \(daemon.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) " + Self.summary(times, of: trials))
            }
        }
        print("\nResident memory and CPU (one node, all instances MASTER)")
        for count in [1, loadInstances] {
            for daemon in daemons {
                let lab = try FailoverLab(karun: executable, interfacesPerNode: 2)
                let running = try lab.start(daemon, node: 1, config: Self.loadConfig(instances: count), tag: "load-\(daemon)-\(count)")
                // Every instance becomes MASTER after its down interval, then runs steadily.
                Thread.sleep(forTimeInterval: 5)
                let rss = FailoverLab.residentKiB(running)
                let cpuStart = FailoverLab.cpuSeconds(running)
                let wallStart = monotonicSeconds()
                Thread.sleep(forTimeInterval: count == 1 ? 2 : cpuSeconds)
                let cpuEnd = FailoverLab.cpuSeconds(running)
                let wall = monotonicSeconds() - wallStart
                let user = (cpuEnd.user - cpuStart.user) / wall
                let system = (cpuEnd.system - cpuStart.system) / wall
                lab.stop(running)
                print("  \(String(count).padding(toLength: 4, withPad: " ", startingAt: 0)) instance(s)  \(daemon.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                    + "RSS \(formatted(Double(rss) / 1024, decimals: 1)) MB   CPU \(formatted((user + system) * 100, decimals: 2)) % of a core "
                    + "(user \(formatted(user * 100, decimals: 2)) %, system \(formatted(system * 100, decimals: 2)) %)")
            }
        }
    }

    /// One trial: both nodes up, n1 (150) MASTER; SIGKILL it; seconds until n2 holds the VIP.
    func takeover(_ lab: FailoverLab, daemon: FailoverLab.Daemon, mode: Mode, trial: Int) throws -> Double? {
        let vip: IPAddress = "192.0.2.200"
        lab.removeAddress(1, "192.0.2.200/24")
        lab.removeAddress(2, "192.0.2.200/24")
        let master = try lab.start(daemon, node: 1, config: Self.pairConfig(node: 1, priority: 150, mode: mode), tag: "\(daemon)-\(trial)-1")
        let backup = try lab.start(daemon, node: 2, config: Self.pairConfig(node: 2, priority: 100, mode: mode), tag: "\(daemon)-\(trial)-2")
        defer {
            lab.stop(backup)
            lab.stop(master)
        }
        let downInterval = Double(VRRPTimers.masterDownInterval(version: mode.version, priority: 100, masterAdvertisementInterval: mode.interval).microseconds) / 1e6
        guard lab.wait(timeout: downInterval + 10, { lab.holds(1, vip) && !lab.holds(2, vip) }) != nil else {
            FileHandle.standardError.write(Data("trial \(trial): \(daemon) did not elect n1\n".utf8))
            return nil
        }
        // Let the backup settle (it has heard the master for a while).
        Thread.sleep(forTimeInterval: downInterval + 0.5)
        guard lab.holds(1, vip), !lab.holds(2, vip) else { return nil }
        lab.kill(master, SIGKILL)
        let time = lab.wait(timeout: downInterval + 5) { lab.holds(2, vip) }
        master.launcher.waitUntilExit()
        return time
    }

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

    /// `count` multicast instances over eth0 and eth1 (VRIDs 1-250 on each), each with one VIP.
    static func loadConfig(instances count: Int) -> String {
        (0..<count).map { index in
            let interface = index < 250 ? 0 : 1
            let vrid = index % 250 + 1
            let vip = interface == 0 ? "198.51.100.\(vrid)" : "203.0.113.\(vrid)"
            return """
                vrrp_instance VI_\(index) {
                    interface eth\(interface)
                    virtual_router_id \(vrid)
                    priority 100
                    advert_int 1
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
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return "median \(formatted(median * 1000, decimals: 0)) ms   worst \(formatted(sorted.last! * 1000, decimals: 0)) ms   best \(formatted(sorted.first! * 1000, decimals: 0)) ms   (\(times.count)/\(trials) trials)"
    }
}
