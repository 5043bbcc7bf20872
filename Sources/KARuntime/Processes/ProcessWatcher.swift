#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// Tracks `vrrp_track_process` blocks as keepalived 2.2.7 does: /proc read once at start (and again
/// when events were lost), then the kernel's process events (fork, exec, comm, exit) move each
/// count, on the loop's thread. Reports each tracker's first state and every change.
///
/// Where the kernel gives no process events (a container's network namespace: the connector
/// exists in the initial one only, and PID 1's namespace cannot be entered), keepalived drops its
/// track_process blocks; karun reads /proc again every `pollInterval` instead, and says so.
public final class ProcessWatcher {
    /// Called on the loop's thread with each tracker's first state and every change.
    public var onChange: ((TrackerKey, TrackerStatus) -> Void)?

    private unowned let loop: EventLoop
    private let log: (String) -> Void
    private var connector: ProcConnector?
    private var pollTimer: EventLoop.TimerToken?
    public static let pollInterval = VRRPDuration.seconds(1)
    /// Whether changes come from the kernel's process events (else from reading /proc each second).
    public var receivesEvents: Bool { connector != nil }
    private var processes: [TrackedProcess] = []
    private var quorums: [ProcessQuorum] = []
    private var timers: [EventLoop.TimerToken] = []
    /// The tracked processes (indices into `processes`) each counted pid matches.
    private var counted: [Int32: [Int]] = [:]
    private var readsCommandLines = false

    public init(loop: EventLoop, log: @escaping (String) -> Void) {
        self.loop = loop
        self.log = log
        do {
            connector = try ProcConnector()
        } catch {
            connector = nil
            log("track_process: no process events here (\(error)); /proc is read every \(Self.pollInterval.microseconds / 1_000_000) s instead")
        }
        if let connector {
            do {
                try loop.watch(fd: connector.fd) { [unowned self, unowned connector] _ in
                    for event in connector.receive() { self.handle(event) }
                }
                return
            } catch {
                log("track_process: cannot watch the process events (\(error)); /proc is read every second instead")
                self.connector = nil
            }
        }
        let timer = loop.makeTimer { [unowned self] in
            self.recount()
            if let pollTimer = self.pollTimer { self.loop.arm(pollTimer, at: self.loop.now + Self.pollInterval) }
        }
        pollTimer = timer
        loop.arm(timer, at: loop.now + Self.pollInterval)
    }

    deinit {
        if let connector { loop.unwatch(fd: connector.fd) }
        if let pollTimer { loop.removeTimer(pollTimer) }
        for timer in timers { loop.removeTimer(timer) }
    }

    public var trackedCount: Int { processes.count }

    /// Replaces what is tracked (start and reload): every process is read from /proc and each
    /// tracker reports its state at once, as keepalived does after its first read.
    public func configure(_ tracked: [TrackedProcess]) {
        for timer in timers { loop.removeTimer(timer) }
        processes = tracked
        quorums = tracked.map(ProcessQuorum.init)
        timers = tracked.indices.map { index in loop.makeTimer { [unowned self] in self.timerExpired(index) } }
        readsCommandLines = tracked.contains { $0.fullCommand }
        counted = [:]
        for pid in Self.allProcesses() {
            let matches = matching(pid)
            if !matches.isEmpty { counted[pid] = matches }
        }
        for index in processes.indices {
            let count = counted.values.reduce(0) { $0 + ($1.contains(index) ? 1 : 0) }
            let effect = quorums[index].start(count: count)
            log("track_process \(processes[index].name): \(count) process(es) of \(processes[index].process), \(quorums[index].inQuorum ? "up" : "down")")
            apply(effect, index)
        }
    }

    // MARK: Events

    func handle(_ event: ProcessEvent) {
        switch event {
        case .fork(let parent, let child):
            // The child runs the parent's program until it execs: it counts as the parent does.
            guard let matches = counted[parent] else { return }
            counted[child] = matches
            for index in matches { apply(quorums[index].change(by: 1), index) }
        case .exec(let pid), .comm(let pid, _):
            let before = counted[pid] ?? []
            let now = matching(pid)
            counted[pid] = now.isEmpty ? nil : now
            for index in before where !now.contains(index) { apply(quorums[index].change(by: -1), index) }
            for index in now where !before.contains(index) { apply(quorums[index].change(by: 1), index) }
        case .exit(let pid):
            guard let matches = counted.removeValue(forKey: pid) else { return }
            for index in matches { apply(quorums[index].change(by: -1), index) }
        case .lost:
            log("track_process: process events were lost; reading /proc again")
            recount()
        }
    }

    /// After lost events: every count read again, each tracker moved by its difference.
    private func recount() {
        var fresh: [Int32: [Int]] = [:]
        for pid in Self.allProcesses() {
            let matches = matching(pid)
            if !matches.isEmpty { fresh[pid] = matches }
        }
        for index in processes.indices {
            let count = fresh.values.reduce(0) { $0 + ($1.contains(index) ? 1 : 0) }
            let delta = count - quorums[index].count
            if delta != 0 {
                // One step per process keeps the crossing rules (delays, cancels) in one place.
                for _ in 0..<abs(delta) { apply(quorums[index].change(by: delta > 0 ? 1 : -1), index) }
            }
        }
        counted = fresh
    }

    private func timerExpired(_ index: Int) {
        guard index < quorums.count else { return }
        apply(quorums[index].timerExpired(), index)
    }

    private func apply(_ effect: ProcessQuorum.Effect, _ index: Int) {
        switch effect {
        case .none:
            break
        case .report(let up):
            onChange?(processes[index].key, up ? .up : .down)
        case .armTimer(let delay):
            loop.arm(timers[index], at: loop.now + delay)
        case .cancelTimer:
            loop.cancel(timers[index])
        }
    }

    // MARK: /proc

    /// The tracked processes `pid` is one of (none for a zombie or a process that is gone).
    private func matching(_ pid: Int32) -> [Int] {
        guard !processes.isEmpty, let comm = Self.comm(of: pid) else { return [] }
        let commandLine = readsCommandLines ? Self.commandLine(of: pid) : []
        return processes.indices.filter { processes[$0].matches(comm: comm, commandLine: commandLine) }
    }

    static func allProcesses() -> [Int32] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let pid = Int32(name), pid > 0 { pids.append(pid) }
        }
        return pids
    }

    /// The kernel's name of `pid` (/proc/PID/stat, between the first "(" and the last ")"), nil
    /// for a zombie or a process that is gone.
    static func comm(of pid: Int32) -> String? {
        guard let bytes = SmallFile.read("/proc/\(pid)/stat", limit: 512),
              let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")),
              open < close else { return nil }
        let state = bytes.index(close, offsetBy: 2)
        if state < bytes.endIndex, bytes[state] == UInt8(ascii: "Z") { return nil }
        return String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
    }

    /// argv as /proc/PID/cmdline holds it.
    static func commandLine(of pid: Int32) -> [String] {
        guard let bytes = SmallFile.read("/proc/\(pid)/cmdline", limit: 65536) else { return [] }
        var words = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if words.last == "" { words.removeLast() }
        return words
    }
}
