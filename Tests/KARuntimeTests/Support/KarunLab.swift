import Foundation
import Glibc
import KAVRRP
@testable import KARuntime

/// A lab for karun: a switch namespace holding bridge `br0`, hosts attached to it by veth pairs
/// (`eth0`, `eth1`, ... inside each host), karun processes started inside hosts, and reads of
/// addresses and neighbour tables through netlink. Documentation addresses only.
final class KarunLab: @unchecked Sendable {
    let lab: Lab
    let switchNamespace: String
    let directory: String
    private var hosts: [String: String] = [:]
    private var ports = 0
    private(set) var processes: [KarunProcess] = []
    var keepalivedNodes: [KeepalivedNode] = []
    private var netlinks: [String: RouteNetlink] = [:]

    init(_ tag: String) throws {
        lab = Lab(tag)
        directory = "/tmp/karun-lab-\(lab.prefix)"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        switchNamespace = try lab.host("sw")
        try Lab.check(["ip", "-n", switchNamespace, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0"])
        try Lab.check(["ip", "-n", switchNamespace, "link", "set", "br0", "up"])
    }

    deinit { tearDown() }

    func tearDown() {
        for process in processes { process.kill(SIGKILL) }
        for process in processes { _ = process.wait(timeout: 2) }
        processes.removeAll()
        for node in keepalivedNodes { node.kill(SIGKILL) }
        for node in keepalivedNodes { _ = node.wait(timeout: 2) }
        keepalivedNodes.removeAll()
        netlinks.removeAll()
        lab.tearDown()
        // KARUN_LAB_KEEP=1 keeps configurations and logs for a post-mortem.
        if ProcessInfo.processInfo.environment["KARUN_LAB_KEEP"] == nil { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// A host with interfaces on the bridge; `interfaces` maps names (eth0, ...) to CIDR addresses.
    @discardableResult
    func host(_ name: String, _ interfaces: [(String, [String])]) throws -> String {
        let namespace = try lab.host(name)
        hosts[name] = namespace
        // Hosts answer ARP only for their own interface's addresses, as routers do.
        // Gratuitous ARP updates the client's cache; IPv6 addresses survive a link going down
        // (tests take links down to simulate a dead node, and bring them back).
        try Lab.check(["ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv4.conf.all.arp_accept=1",
                       "net.ipv6.conf.all.keep_addr_on_down=1", "net.ipv6.conf.default.keep_addr_on_down=1",
                       // No duplicate address detection: a link brought back up would leave its
                       // link-local address tentative, and every daemon's IPv6 adverts fail meanwhile.
                       "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0"])
        for (interface, addresses) in interfaces {
            ports += 1
            let port = "p\(ports)"
            try Lab.check(["ip", "-n", namespace, "link", "add", interface, "type", "veth", "peer", "name", port, "netns", switchNamespace])
            try Lab.check(["ip", "-n", switchNamespace, "link", "set", port, "master", "br0", "up"])
            for address in addresses {
                try Lab.check(["ip", "-n", namespace, "addr", "add", address, "dev", interface] + (address.contains(":") ? ["nodad"] : []))
            }
            try Lab.check(["ip", "-n", namespace, "link", "set", interface, "up"])
        }
        return namespace
    }

    func namespace(_ host: String) -> String { hosts[host] ?? host }

    /// Waits until every interface of every host has a usable IPv6 link-local address.
    func waitForLinkLocal(timeout: Double = 5) {
        _ = wait(timeout: timeout) {
            self.hosts.values.allSatisfy { namespace in
                let output = (try? Lab.run(["ip", "-n", namespace, "-6", "addr", "show", "scope", "link", "tentative"]).output) ?? ""
                return output.isEmpty
            }
        }
    }

    // MARK: karun processes

    /// Starts karun in `host` with `config` (written to the lab directory).
    @discardableResult
    func start(
        _ host: String, config: String, name: String? = nil, arguments: [String] = [], environment: [String: String] = [:]
    ) throws -> KarunProcess {
        let label = name ?? host
        let path = "\(directory)/\(label).conf"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let process = try KarunProcess(
            namespace: namespace(host), configPath: path, socketPath: "\(directory)/\(label).sock",
            logPath: "\(directory)/\(label).log", arguments: arguments, environment: environment)
        processes.append(process)
        return process
    }

    // MARK: Reading the hosts

    /// The addresses on `interface` in `host`, read through netlink.
    func addresses(_ host: String, _ interface: String) -> [String] {
        guard let netlink = netlink(host), let link = netlink.link(named: interface) else { return [] }
        return netlink.addresses(ifindex: link.index).map { $0.address.description }
    }

    func holds(_ host: String, _ interface: String, _ address: String) -> Bool {
        addresses(host, interface).contains(address)
    }

    /// The MAC a host's neighbour table has for `address` (nil when none or incomplete).
    func neighbourMAC(_ host: String, _ address: String) -> String? {
        let output = (try? Lab.run(["ip", "-n", namespace(host), "neigh", "show", address]).output) ?? ""
        let words = output.split(whereSeparator: \.isWhitespace)
        guard let index = words.firstIndex(of: "lladdr"), index + 1 < words.count else { return nil }
        return String(words[index + 1])
    }

    func mac(_ host: String, _ interface: String) -> String? {
        netlink(host)?.link(named: interface).map { Daemon.macText($0.mac) }
    }

    private func netlink(_ host: String) -> RouteNetlink? {
        if let existing = netlinks[host] { return existing }
        let opened = try? NetworkNamespace.with(namespace(host)) { try RouteNetlink() }
        netlinks[host] = opened
        return opened
    }

    /// Polls `condition` every 5 ms; returns the seconds it took, or nil at the timeout.
    @discardableResult
    func wait(timeout: Double, _ condition: () -> Bool) -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if condition() { return Date().timeIntervalSince(start) }
            usleep(5_000)
        }
        return condition() ? Date().timeIntervalSince(start) : nil
    }

    /// Sends one UDP datagram from `host` to `address` (discard port), which makes the kernel
    /// resolve the address (ARP / neighbour solicitation) the way a client's first packet does.
    func ping(_ host: String, _ address: String) {
        guard let target = IPAddress(address) else { return }
        _ = try? NetworkNamespace.with(namespace(host)) {
            let fd = socket(target.family == .ipv4 ? AF_INET : AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
            guard fd >= 0 else { return }
            defer { close(fd) }
            var payload: UInt8 = 0
            _ = SocketAddress(target, port: 9).withSockaddr { sendto(fd, &payload, 1, 0, $0, $1) }
        }
        usleep(50_000)
    }
}

/// One karun process started in a namespace; its stderr goes to a log file the test reads.
final class KarunProcess: @unchecked Sendable {
    let process = Process()
    let socketPath: String
    let logPath: String

    static var executable: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [runner.appendingPathComponent("karun").path, runner.deletingLastPathComponent().appendingPathComponent("karun").path] {
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/karun").path
    }

    init(
        namespace: String, configPath: String, socketPath: String, logPath: String, arguments: [String],
        environment: [String: String] = [:]
    ) throws {
        self.socketPath = socketPath
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ip", "netns", "exec", namespace, Self.executable, "run", "--log-level", "debug",
                             "--status-socket", socketPath] + arguments + [configPath]
        process.standardOutput = log
        process.standardError = log
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    func kill(_ signal: Int32) {
        if process.isRunning { Glibc.kill(process.processIdentifier, signal) }
    }

    /// Waits for the process to end; returns its exit status, or nil at the timeout.
    func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// `karun status` as parsed JSON (nil while the daemon is not answering).
    func status() -> [String: Any]? {
        guard let text = try? ControlSocket.query(path: socketPath, timeoutSeconds: 2),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        return object
    }

    func instance(_ name: String) -> [String: Any]? {
        (status()?["instances"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    func state(_ name: String) -> String? { instance(name)?["state"] as? String }
}
