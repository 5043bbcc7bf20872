import Foundation
import Glibc
import KAConfig
import KAVRRP
import Testing
@testable import KARuntime

/// vrrp_track_process: which processes count (keepalived 2.2.7's comm and command-line matching),
/// the quorum with its fork and terminate delays, the model read as keepalived reads it, and the
/// watcher on the kernel's real process events.
@Suite struct ProcessTrackingTests {
    static func tracked(_ block: String) throws -> TrackedProcess {
        let node = Analyzer.analyze(path: "keepalived.conf", text: "vrrp_track_process chk {\n\(block)\n}\n")
        let model = try #require(node.model.trackProcesses.first)
        return try #require(TrackedProcess(model))
    }

    @Test func theKernelNameUnlessTheCommandLineIsAskedFor() throws {
        let plain = try Self.tracked("    process haproxy")
        #expect(!plain.fullCommand)
        #expect(plain.matches(comm: "haproxy", commandLine: ["/usr/sbin/haproxy", "-f", "/etc/haproxy.cfg"]))
        #expect(!plain.matches(comm: "haproxy-exporter", commandLine: []))
        let full = try Self.tracked("    process /usr/sbin/haproxy\n    full_command")
        #expect(full.matches(comm: "haproxy", commandLine: ["/usr/sbin/haproxy", "-W"]), "no parameters written: any")
        #expect(!full.matches(comm: "haproxy", commandLine: ["haproxy", "-W"]), "argv[0] exactly")
    }

    @Test func parametersAsParamMatchSays() throws {
        // Parameters written: the command line is compared, exactly unless param_match says more.
        let exact = try Self.tracked("    process /usr/bin/python3 -m http.server")
        #expect(exact.fullCommand && exact.parameterMatch == .exact)
        #expect(exact.matches(comm: "python3", commandLine: ["/usr/bin/python3", "-m", "http.server"]))
        #expect(!exact.matches(comm: "python3", commandLine: ["/usr/bin/python3", "-m", "http.server", "8080"]))
        let partial = try Self.tracked("    process /usr/bin/python3 -m http.server\n    param_match partial")
        #expect(partial.matches(comm: "python3", commandLine: ["/usr/bin/python3", "-m", "http.server", "8080"]))
        #expect(!partial.matches(comm: "python3", commandLine: ["/usr/bin/python3", "-m"]))
        let initial = try Self.tracked("    process /usr/bin/python3 -m http\n    param_match initial")
        #expect(initial.matches(comm: "python3", commandLine: ["/usr/bin/python3", "-m", "http.server"]))
        #expect(!initial.matches(comm: "python3", commandLine: ["/usr/bin/python3", "-c", "http"]))
    }

    @Test func quorumAndDelaysAreRead() throws {
        let process = try Self.tracked("    process nginx\n    quorum 2\n    quorum_max 4\n    delay 1.5\n    fork_delay 0.25")
        #expect(process.quorum == 2 && process.quorumMax == 4)
        #expect(process.forkDelay == .milliseconds(250), "fork_delay after delay replaces it")
        #expect(process.terminateDelay == .milliseconds(1500))
        let later = try Self.tracked("    process nginx\n    fork_delay 0.25\n    delay 2")
        #expect(later.forkDelay == .seconds(2) && later.terminateDelay == .seconds(2), "delay after fork_delay sets both, as keepalived reads them in order")
        let bare = try Self.tracked("    process /usr/sbin/nginx -g daemon\n    param_match")
        #expect(bare.parameterMatch == .exact && bare.fullCommand, "param_match alone is exact")
        let none = try Self.tracked("    process nginx\n    quorum_max 0")
        #expect(none.quorum == 0 && none.quorumMax == 0, "quorum_max 0: up while none runs")
        let plain = try Self.tracked("    process nginx")
        #expect(plain.quorum == 1 && plain.quorumMax == .max && plain.forkDelay == .zero)
    }

    @Test func theQuorumMovesOnlyAcrossItsBoundsAndDelaysCancel() {
        var quorum = ProcessQuorum(TrackedProcess(name: "p", process: "p", quorum: 2, quorumMax: 3))
        #expect(quorum.start(count: 1) == .report(up: false))
        #expect(quorum.change(by: 1) == .report(up: true))
        #expect(quorum.change(by: 1) == .none, "3 is within 2...3")
        #expect(quorum.change(by: 1) == .report(up: false), "4 is above quorum_max")
        var delayed = ProcessQuorum(TrackedProcess(name: "p", process: "p", forkDelay: .seconds(2), terminateDelay: .seconds(1)))
        #expect(delayed.start(count: 1) == .report(up: true))
        #expect(delayed.change(by: -1) == .armTimer(after: .seconds(1)))
        #expect(delayed.change(by: 1) == .cancelTimer, "back before the delay ran out: never down")
        #expect(delayed.change(by: -1) == .armTimer(after: .seconds(1)))
        #expect(delayed.timerExpired() == .report(up: false))
        #expect(delayed.change(by: 1) == .armTimer(after: .seconds(2)))
        #expect(delayed.change(by: 1) == .none)
        #expect(delayed.timerExpired() == .report(up: true))
        #expect(delayed.timerExpired() == .none, "a stale expiry changes nothing")
    }

    @Test func eventsOfOneDatagramAreRead() {
        // nlmsghdr + cn_msg + proc_event (what, cpu, timestamp) + data, little-endian.
        func message(_ what: UInt32, _ data: [UInt32], comm: String? = nil) -> [UInt8] {
            var body: [UInt8] = []
            func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { body += $0 } }
            put(1); put(1); put(0); put(0); put(0); // cn_msg idx, val, seq, ack, len+flags
            put(what); put(0); put(0); put(0)
            for value in data { put(value) }
            if let comm { body += Array(comm.utf8) + [UInt8](repeating: 0, count: 16 - comm.utf8.count) }
            var header: [UInt8] = []
            withUnsafeBytes(of: UInt32(16 + body.count).littleEndian) { header += $0 }
            header += [UInt8](repeating: 0, count: 12)
            return header + body
        }
        var events: [ProcessEvent] = []
        let datagram = message(1, [10, 10, 20, 20]) + message(1, [10, 10, 21, 20]) + message(2, [20, 20])
            + message(0x200, [20, 20], comm: "haproxy") + message(0x8000_0000, [20, 20, 0, 17]) + message(0x8000_0000, [21, 20, 0, 0])
        ProcConnector.parse(datagram[...], into: &events)
        #expect(events == [.fork(parent: 10, child: 20), .exec(20), .comm(20, "haproxy"), .exit(20)], "threads (21 of group 20) are left out")
        ProcConnector.parse([1, 2, 3][...], into: &events)
        #expect(events.count == 4, "a short datagram is ignored")
    }

    /// The kernel's process events, really received (root, in a network namespace that has the
    /// connector: the test process's own).
    @Test(.enabled(if: getuid() == 0, "needs root for the process events connector"), .timeLimit(.minutes(1)))
    func theWatcherFollowsRealProcesses() throws {
        let folder = NSTemporaryDirectory() + "kaproc-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A copy of sleep under a name no other process has: its comm is that name.
        let name = "kaproc\(getpid() % 100_000)"
        let program = folder + "/" + name
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: program)
        let loop = try EventLoop()
        let watcher = ProcessWatcher(loop: loop) { _ in }
        #expect(watcher.receivesEvents, "the process events connector answers in the test's namespace")
        var changes: [TrackerStatus] = []
        watcher.onChange = { key, status in
            #expect(key == TrackerKey(.process, "chk"))
            changes.append(status)
        }
        watcher.configure([TrackedProcess(name: "chk", process: name, quorum: 2)])
        #expect(changes == [.down])
        let first = Process()
        first.executableURL = URL(fileURLWithPath: program)
        first.arguments = ["30"]
        try first.run()
        let second = Process()
        second.executableURL = URL(fileURLWithPath: program)
        second.arguments = ["30"]
        try second.run()
        // SIGKILL: the test process may block SIGTERM (other suites read signals from a signalfd),
        // and a child inherits the mask.
        defer {
            kill(first.processIdentifier, SIGKILL)
            kill(second.processIdentifier, SIGKILL)
        }
        #expect(runLoop(loop, limit: 5) { changes.count == 2 }, "\(changes)")
        #expect(changes.last == .up, "two running: quorum 2")
        kill(second.processIdentifier, SIGKILL)
        #expect(runLoop(loop, limit: 5) { changes.count == 3 }, "\(changes)")
        #expect(changes.last == .down)
    }
}
