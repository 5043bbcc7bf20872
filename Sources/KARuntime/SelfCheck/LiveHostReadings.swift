#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// The self-check's readings of this host, in the calling thread's network namespace: /proc/sys,
/// /sys/class/net, netlink, and the firewall dumps of `nft list ruleset` and
/// `iptables-save` / `ip6tables-save` where those tools are installed.
struct LiveHostReadings: HostReadings {
    let netlink: RouteNetlink
    /// Whether to run the firewall dumps here (at start; after a reload FirewallRereader runs them
    /// on a thread of its own, so that the loop does not wait).
    var readsFirewall = true
    /// Each dump command may take this long (seconds) before it is killed and ignored.
    var commandTimeout = 2.0

    func sysctl(_ path: String) -> String? { Sysctl.read("/proc/sys/net/\(path)") }

    func bridge(_ interface: String) -> BridgeFacts? {
        let folder = "/sys/class/net/\(interface)/bridge"
        guard let snooping = Sysctl.read("\(folder)/multicast_snooping"), let querier = Sysctl.read("\(folder)/multicast_querier") else {
            return nil
        }
        return BridgeFacts(multicastSnooping: snooping == "1", multicastQuerier: querier == "1")
    }

    func addresses(_ interface: String) -> [InterfaceAddress] {
        guard let link = netlink.link(named: interface) else { return [] }
        return netlink.addresses(ifindex: link.index)
    }

    func rulesets() -> [(command: String, text: String)] {
        readsFirewall ? Self.firewallRulesets(timeout: commandTimeout) : []
    }

    /// The live firewall rulesets, each with the command that printed it (on any thread).
    static func firewallRulesets(timeout commandTimeout: Double) -> [(command: String, text: String)] {
        var found: [(command: String, text: String)] = []
        if let text = CommandOutput.run(["nft", "list", "ruleset"], timeout: commandTimeout) {
            found.append(("nft list ruleset", text))
        }
        let saved = [["iptables-save"], ["ip6tables-save"]].compactMap { CommandOutput.run($0, timeout: commandTimeout) }
        if !saved.isEmpty { found.append(("iptables-save", saved.joined(separator: "\n"))) }
        return found
    }
}

/// Runs a tool found in the system folders and returns what it printed on stdout when it exits 0
/// within `timeout` seconds; nil otherwise (not installed, failed, or killed at the timeout).
enum CommandOutput {
    static let folders = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]

    static func run(_ arguments: [String], timeout: Double) -> String? {
        guard let name = arguments.first else { return nil }
        let candidates: [String] = folders.map { folder in "\(folder)/\(name)" }
        guard let path = candidates.first(where: { candidate in access(candidate, X_OK) == 0 }) else { return nil }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // karun blocks the signals it reads from a signalfd; the tool gets none of that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = MonotonicClock.now() + VRRPDuration(microseconds: Int64(timeout * 1_000_000))
        var timedOut = false
        while true {
            let remaining = (deadline - MonotonicClock.now()).microseconds / 1000
            if remaining <= 0 { timedOut = true; break }
            var descriptor = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(remaining, 1000))) >= 0 || errno == EINTR else { break }
            if descriptor.revents == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output += buffer[0..<count]
            // A ruleset larger than this is not read further.
            if output.count > 16 << 20 { timedOut = true; break }
        }
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard !timedOut, status & 0x7f == 0, (status >> 8) & 0xff == 0 else { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}
