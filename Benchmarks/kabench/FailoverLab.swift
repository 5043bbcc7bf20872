import Foundation
import KARuntime
import KAVRRP

/// Two routers on a bridge (network namespaces, documentation addresses) for `kabench failover`:
/// daemons are started in them as users start them, and addresses are read through netlink.
final class FailoverLab {
    enum Daemon: String, CaseIterable {
        case karun
        case keepalived
    }

    /// One started daemon (keepalived: its parent and VRRP child).
    struct Running {
        var daemon: Daemon
        var pids: [pid_t]
        var launcher: Process
    }

    let prefix = "kbf\(getpid() % 100_000)"
    let directory: String
    let karun: String
    private var netlinks: [String: RouteNetlink] = [:]

    init(karun: String, interfacesPerNode: Int = 1) throws {
        self.karun = karun
        directory = "/tmp/kabench-failover-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try sh("ip netns add \(prefix)sw && ip -n \(prefix)sw link set lo up")
        for interface in 0..<interfacesPerNode {
            try sh("ip -n \(prefix)sw link add br\(interface) type bridge mcast_snooping 0 && ip -n \(prefix)sw link set br\(interface) up")
        }
        for node in 1...2 {
            let namespace = self.namespace(node)
            try sh("ip netns add \(namespace) && ip -n \(namespace) link set lo up")
            for interface in 0..<interfacesPerNode {
                let port = "p\(node)\(interface)"
                try sh("""
                    ip -n \(namespace) link add eth\(interface) type veth peer name \(port) netns \(prefix)sw && \
                    ip -n \(prefix)sw link set \(port) master br\(interface) up && \
                    ip -n \(namespace) addr add 192.0.\(interface == 0 ? 2 : 3).1\(node)/24 dev eth\(interface) && \
                    ip -n \(namespace) link set eth\(interface) up
                    """)
            }
        }
    }

    deinit {
        for namespace in ["\(prefix)sw", namespace(1), namespace(2)] { _ = try? sh("ip netns del \(namespace)") }
        try? FileManager.default.removeItem(atPath: directory)
    }

    func namespace(_ node: Int) -> String { "\(prefix)n\(node)" }

    /// The log file of a daemon started with `tag` (lines stamped as they arrived: StampedLog).
    func logPath(_ tag: String) -> String { "\(directory)/\(tag).log" }

    /// Starts `daemon` on `node` with `config`; returns once its VRRP process exists. karun logs
    /// at debug level with `verbose` (its "added" and "sent gratuitous ARP" lines).
    func start(_ daemon: Daemon, node: Int, config: String, tag: String, verbose: Bool = false) throws -> Running {
        let path = "\(directory)/\(tag).conf"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let log = try StampedLog(path: logPath(tag))
        process.standardOutput = log.pipe
        process.standardError = log.pipe
        switch daemon {
        case .karun:
            process.arguments = ["ip", "netns", "exec", namespace(node), karun, "run", "--status-socket", "\(directory)/\(tag).sock"]
                + (verbose ? ["--log-level", "debug"] : []) + [path]
            try process.run()
            return Running(daemon: daemon, pids: [process.processIdentifier], launcher: process)
        case .keepalived:
            let vrrpPID = "\(directory)/\(tag).vrrp.pid"
            try? FileManager.default.removeItem(atPath: vrrpPID)
            process.arguments = ["ip", "netns", "exec", namespace(node), "/usr/sbin/keepalived", "--vrrp", "--dont-fork",
                                 "--log-console", "--log-detail", "-f", path, "-p", "\(directory)/\(tag).pid", "-r", vrrpPID,
                                 "-c", "\(directory)/\(tag).checkers.pid"]
            try process.run()
            var child: pid_t?
            let deadline = monotonicSeconds() + 10
            while child == nil, monotonicSeconds() < deadline {
                child = (try? String(contentsOfFile: vrrpPID, encoding: .utf8))
                    .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
                if child == nil { usleep(10_000) }
            }
            return Running(daemon: daemon, pids: [process.processIdentifier] + (child.map { [$0] } ?? []), launcher: process)
        }
    }

    /// keepalived's VRRP child first: a parent killed first makes the child stop gracefully
    /// (priority 0), which is not a crash.
    func kill(_ running: Running, _ signal: Int32) {
        for pid in running.pids.reversed() { Foundation.kill(pid, signal) }
    }

    /// SIGTERM as a service manager stops the daemon: to its main process (keepalived's parent
    /// forwards it to the VRRP child, which sends priority 0).
    func terminate(_ running: Running) {
        if let main = running.pids.first { Foundation.kill(main, SIGTERM) }
    }

    func stop(_ running: Running) {
        kill(running, SIGTERM)
        let deadline = monotonicSeconds() + 5
        while running.launcher.isRunning, monotonicSeconds() < deadline { usleep(5_000) }
        if running.launcher.isRunning { kill(running, SIGKILL) }
        running.launcher.waitUntilExit()
    }

    func holds(_ node: Int, _ address: IPAddress, interface: String = "eth0") -> Bool {
        guard let netlink = netlink(node), let link = netlink.link(named: interface) else { return false }
        return netlink.addresses(ifindex: link.index).contains { $0.address == address }
    }

    func removeAddress(_ node: Int, _ cidr: String, interface: String = "eth0") {
        _ = try? sh("ip -n \(namespace(node)) addr del \(cidr) dev \(interface) 2>/dev/null")
    }

    /// Polls `condition` every millisecond; the seconds it took, or nil at the timeout.
    func wait(timeout: Double, _ condition: () -> Bool) -> Double? {
        let start = monotonicSeconds()
        while monotonicSeconds() - start < timeout {
            if condition() { return monotonicSeconds() - start }
            usleep(1_000)
        }
        return nil
    }

    private func netlink(_ node: Int) -> RouteNetlink? {
        if let existing = netlinks[namespace(node)] { return existing }
        let opened = try? NetworkNamespace.with(namespace(node)) { try RouteNetlink() }
        netlinks[namespace(node)] = opened
        return opened
    }

    /// A raw protocol-112 socket on `node` that is never read, as a backup's socket would be
    /// there: without one, `node`'s kernel answers every unicast advert with an ICMP protocol
    /// unreachable, which reaches every raw VRRP socket of the sender (keepalived has one per
    /// unicast instance) and makes the figure about ICMP, not VRRP. Close it when done.
    func openSink(_ node: Int) throws -> Int32 {
        try NetworkNamespace.with(namespace(node)) {
            let fd = socket(AF_INET, Int32(SOCK_RAW.rawValue), 112)
            guard fd >= 0 else { throw ShellError(command: "socket(AF_INET, SOCK_RAW, 112)", status: errno) }
            return fd
        }
    }

    // MARK: Resource use

    /// Resident set of the daemon's processes together, in KiB (VmRSS).
    static func residentKiB(_ running: Running) -> Int {
        running.pids.reduce(0) { total, pid in
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            let value = line.flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }.flatMap { Int($0) }
            return total + (value ?? 0)
        }
    }

    /// CPU seconds of every thread of the daemon's processes, to the nanosecond (the scheduler's
    /// run time in /proc/PID/task/TID/schedstat; the user/system split below counts 10 ms ticks).
    static func runSeconds(_ running: Running) -> Double {
        running.pids.reduce(0) { total, pid in
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            return tasks.reduce(total) { sum, task in
                let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/schedstat", encoding: .utf8)) ?? ""
                let nanoseconds = text.split(separator: " ").first.flatMap { Double($0) } ?? 0
                return sum + nanoseconds / 1e9
            }
        }
    }

    /// CPU seconds in user and in system mode the daemon's processes have used (system time
    /// includes the softirq work of delivering its packets through the veth pairs and bridge).
    static func cpuSeconds(_ running: Running) -> (user: Double, system: Double) {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return running.pids.reduce((0, 0)) { total, pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return total }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return total }
            return (total.0 + user / ticks, total.1 + system / ticks)
        }
    }
}

struct ShellError: Error, CustomStringConvertible {
    var command: String
    var status: Int32
    var description: String { "`\(command)` exited \(status)" }
}

@discardableResult
func sh(_ command: String) throws -> Int32 {
    let status = KeepalivedTimer.run("/bin/sh", ["-c", command])
    guard status == 0 else { throw ShellError(command: command, status: status) }
    return status
}
