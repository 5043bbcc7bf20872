#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAConfig
import KAVRRP

/// One `vrrp_script` as the tracker runs it.
public struct TrackedScript: Hashable, Sendable {
    public var name: String
    /// From the model's tokenizer (`ScriptCommand.argv`).
    public var argv: [String]
    public var interval: VRRPDuration
    /// nil: the interval (keepalived's default).
    public var timeout: VRRPDuration?
    public var rise: Int
    public var fall: Int
    /// `user USERNAME [GROUPNAME]`; nil: the default script user.
    public var user: String?
    public var group: String?
    public var initFail: Bool

    public init(
        name: String, argv: [String], interval: VRRPDuration = .seconds(1), timeout: VRRPDuration? = nil,
        rise: Int = 1, fall: Int = 1, user: String? = nil, group: String? = nil, initFail: Bool = false
    ) {
        self.name = name
        self.argv = argv
        self.interval = interval
        self.timeout = timeout
        self.rise = rise
        self.fall = fall
        self.user = user
        self.group = group
        self.initFail = initFail
    }

    /// From the model's `vrrp_script`; nil without a command.
    public init?(_ script: VRRPScript) {
        guard let command = script.command, !command.argv.isEmpty else { return nil }
        self.init(
            name: script.name, argv: command.argv,
            interval: VRRPDuration(microseconds: Int64(max(1, script.intervalMicroseconds))),
            timeout: script.timeoutMicroseconds.map { VRRPDuration(microseconds: Int64($0)) },
            rise: script.rise, fall: script.fall,
            user: script.user ?? command.user, group: script.user != nil ? script.group : command.group,
            initFail: script.initFail)
    }

    public var effectiveTimeout: VRRPDuration { timeout.flatMap { $0 > .zero ? $0 : nil } ?? interval }

    /// What keepalived's `clear_diff_script` compares: a script whose command and user are
    /// unchanged keeps its result across a reload.
    func sameCommand(as other: TrackedScript) -> Bool {
        argv == other.argv && user == other.user && group == other.group
    }
}

/// Per-script counters for the status output.
public struct ScriptStatistics: Hashable, Sendable {
    /// Runs started.
    public var runs = 0
    public var lastExit: ChildExit?
    public var lastDuration: VRRPDuration?
    /// Runs killed at their timeout (each counted as a failure).
    public var timeouts = 0
    /// Intervals skipped because the previous run was still going.
    public var skipped = 0
    /// fork/exec failures (each counted as a failure).
    public var spawnFailures = 0
    /// The reported result.
    public var result: TrackerStatus = .unknown
    public var running = false
    /// Why the script does not run (security check, unknown user), if it does not.
    public var disabledReason: String?
}

/// The counts of `ScriptStatistics`, reported one by one as they move (`ScriptTracker.onCount`).
public enum ScriptCount: Sendable {
    case run, timeout, skipped, spawnFailure
}

/// Runs `vrrp_script` checks beside the event loop: each run is a child process watched through a
/// pidfd, its timeout a loop timer, so a slow or hung script never delays anything else.
///
/// keepalived semantics: rise/fall hysteresis, the first result is reported (init state),
/// `init_fail` starts failed, a timeout is a failure, a script still running when its next
/// interval comes is skipped. karun differences: a timeout kills the whole process group with
/// SIGKILL at once and reports the failure at that moment (not when the child is finally reaped),
/// and a child that ended before its deadline is never counted as timed out, even when the loop
/// sees the timer before the exit.
public final class ScriptTracker {
    /// Called on the loop's thread when a script's reported result changes (and once with its
    /// first result; `init_fail` and disabled scripts report `.down` from `configure`).
    public var onChange: ((TrackerKey, TrackerStatus) -> Void)?
    /// Called on the loop's thread as each count moves (`--metrics` counts them as they happen).
    public var onCount: ((_ script: String, ScriptCount) -> Void)?
    /// Checks every script when configured (`enable_script_security` decides warning vs. disabled).
    public var security = ScriptSecurity(enabled: false)
    /// `script_user` (or keepalived's fallbacks): who scripts without `user` run as.
    public var defaultIdentity: ScriptIdentity = .current
    /// How long `stop()` and reconfiguration wait after SIGTERM before SIGKILL.
    public var terminationGrace: VRRPDuration = .seconds(2)

    private unowned let loop: EventLoop
    private let spawner: ProcessSpawner
    private let log: (String) -> Void
    private var entries: [String: Entry] = [:]
    /// Children being terminated (stop, reload): pid → the SIGKILL timer.
    private var terminating: [pid_t: EventLoop.TimerToken] = [:]
    private var nextRunID: UInt64 = 1

    private final class Entry {
        var script: TrackedScript
        var result: ScriptResult
        var statistics = ScriptStatistics()
        var identity: ScriptIdentity?
        var executable: String?
        var tick: EventLoop.TimerToken?
        var nextDue: VRRPInstant = .zero
        var run: Run?
        var active = true

        init(_ script: TrackedScript) {
            self.script = script
            result = ScriptResult(rise: script.rise, fall: script.fall, initFail: script.initFail)
        }
    }

    private struct Run {
        var id: UInt64
        var pid: pid_t
        var started: VRRPInstant
        var deadline: EventLoop.TimerToken?
        var timedOut = false
    }

    public init(loop: EventLoop, children: ChildWatcher, log: @escaping (String) -> Void) {
        self.loop = loop
        spawner = ProcessSpawner(children: children)
        self.log = log
    }

    // MARK: Queries

    public func status(of name: String) -> TrackerStatus {
        entries[name]?.statistics.result ?? .unknown
    }

    public var statistics: [String: ScriptStatistics] {
        entries.mapValues { $0.statistics }
    }

    /// fork+exec times of this runner's scripts.
    public var spawnStatistics: SpawnStatistics { spawner.statistics }

    public var scriptNames: [String] { entries.keys.sorted() }

    // MARK: Configuration

    /// Installs the scripts (first start or reload, also after `stop()`). A script whose command
    /// and resolved user did not change keeps its result (mapped to the new rise/fall, as
    /// keepalived's `clear_diff_script`) and a run in progress; others start afresh, their old
    /// runs terminated. New scripts run at once; scripts disabled before are checked again.
    /// Reports `.down` from here for `init_fail` scripts and for scripts that cannot run.
    public func configure(_ scripts: [TrackedScript]) {
        var next: [String: Entry] = [:]
        var fresh: [(Entry, Result<ScriptIdentity, ScriptIdentity.LookupError>)] = []
        for script in scripts where next[script.name] == nil {
            let identity = resolveIdentity(script)
            if let old = entries.removeValue(forKey: script.name) {
                if old.statistics.disabledReason == nil, old.script.sameCommand(as: script),
                   case .success(let resolved) = identity, resolved == old.identity {
                    keep(old, as: script)
                    next[script.name] = old
                    continue
                }
                retire(old)
            }
            let entry = Entry(script)
            next[script.name] = entry
            fresh.append((entry, identity))
        }
        for old in entries.values { retire(old) }
        entries = next
        for (entry, identity) in fresh { install(entry, identity) }
    }

    /// Kills running scripts (SIGTERM to each group, SIGKILL after `terminationGrace`) and stops
    /// scheduling: for shutdown. Results stay readable.
    public func stop() {
        for entry in entries.values { retire(entry) }
    }

    // MARK: Private

    private func resolveIdentity(_ script: TrackedScript) -> Result<ScriptIdentity, ScriptIdentity.LookupError> {
        guard let user = script.user else { return .success(defaultIdentity) }
        return ScriptIdentity.lookup(user: user, group: script.group)
    }

    /// An unchanged script across a reload: new settings, the same result and run.
    private func keep(_ entry: Entry, as script: TrackedScript) {
        let wasStopped = !entry.active
        let reschedule = wasStopped || entry.script.interval != script.interval
        entry.result = entry.result.carried(rise: script.rise, fall: script.fall)
        entry.script = script
        entry.active = true
        guard reschedule else { return }
        if let tick = entry.tick { loop.cancel(tick) }
        entry.nextDue = wasStopped ? loop.now : loop.now + script.interval
        entry.tick = loop.schedule(at: entry.nextDue) { [weak self, weak entry] in if let entry { self?.due(entry) } }
    }

    private func install(_ entry: Entry, _ resolved: Result<ScriptIdentity, ScriptIdentity.LookupError>) {
        let script = entry.script
        let key = TrackerKey(.script, script.name)
        let identity: ScriptIdentity
        switch resolved {
        case .success(let found): identity = found
        case .failure(let error):
            disable(entry, key, "\(error)")
            return
        }
        entry.identity = identity
        let verdict = security.check(command: script.argv[0], uid: identity.uid, gid: identity.gid)
        for finding in verdict.findings { log("VRRP_Script(\(script.name)): \(finding)") }
        guard !verdict.disabled, let executable = verdict.executablePath else {
            disable(entry, key, verdict.findings.first { $0.severity == .disabled }?.description ?? "script not found")
            return
        }
        entry.executable = executable
        if script.initFail {
            entry.statistics.result = .down
            onChange?(key, .down)
        }
        entry.nextDue = loop.now
        entry.tick = loop.schedule(at: entry.nextDue) { [weak self, weak entry] in if let entry { self?.due(entry) } }
    }

    private func disable(_ entry: Entry, _ key: TrackerKey, _ reason: String) {
        entry.statistics.disabledReason = reason
        entry.statistics.result = .down
        log("VRRP_Script(\(entry.script.name)) disabled: \(reason)")
        onChange?(key, .down)
    }

    /// Stops scheduling `entry` and terminates its run, if any.
    private func retire(_ entry: Entry) {
        entry.active = false
        if let tick = entry.tick { loop.cancel(tick) }
        entry.tick = nil
        guard let run = entry.run else { return }
        if let deadline = run.deadline { loop.cancel(deadline) }
        entry.run = nil
        entry.statistics.running = false
        ProcessSpawner.signalGroup(run.pid, SIGTERM)
        let pid = run.pid
        terminating[pid] = loop.schedule(after: terminationGrace) { [weak self] in
            guard let self, self.terminating.removeValue(forKey: pid) != nil else { return }
            ProcessSpawner.signalGroup(pid, SIGKILL)
        }
    }

    private func due(_ entry: Entry) {
        guard entry.active else { return }
        let now = loop.now
        // Fixed rate; after a stall, start counting again from now rather than catching up.
        entry.nextDue = entry.nextDue + entry.script.interval
        if entry.nextDue <= now { entry.nextDue = now + entry.script.interval }
        entry.tick = loop.schedule(at: entry.nextDue) { [weak self, weak entry] in if let entry { self?.due(entry) } }
        if entry.run != nil {
            entry.statistics.skipped += 1
            onCount?(entry.script.name, .skipped)
            log("Track script \(entry.script.name) is still running - skipping run")
            return
        }
        start(entry)
    }

    private func start(_ entry: Entry) {
        guard let executable = entry.executable else { return }
        let id = nextRunID
        nextRunID += 1
        let started = loop.now
        entry.statistics.runs += 1
        onCount?(entry.script.name, .run)
        let pid: pid_t
        // The pid is known only after the spawn; the exit handler reads it from here.
        var childPID: pid_t = 0
        do {
            pid = try spawner.spawn(path: executable, argv: entry.script.argv, identity: entry.identity) {
                [weak self, weak entry] exit, startError in
                guard let self else { return }
                self.ended(entry, runID: id, pid: childPID, exit: exit, startError: startError)
            }
        } catch {
            entry.statistics.spawnFailures += 1
            onCount?(entry.script.name, .spawnFailure)
            log("VRRP_Script(\(entry.script.name)) cannot start: \(error)")
            apply(entry, success: false, reason: "cannot start")
            return
        }
        childPID = pid
        var run = Run(id: id, pid: pid, started: started)
        run.deadline = loop.schedule(at: started + entry.script.effectiveTimeout) { [weak self, weak entry] in
            if let entry { self?.deadline(entry, runID: id) }
        }
        entry.run = run
        entry.statistics.running = true
    }

    private func deadline(_ entry: Entry, runID: UInt64) {
        guard var run = entry.run, run.id == runID else { return }
        run.deadline = nil
        // Ended before the deadline, the loop just has not reaped it yet: not a timeout.
        if ProcessSpawner.hasEnded(run.pid) {
            entry.run = run
            return
        }
        ProcessSpawner.signalGroup(run.pid, SIGKILL)
        run.timedOut = true
        entry.run = run
        entry.statistics.timeouts += 1
        onCount?(entry.script.name, .timeout)
        log("VRRP_Script(\(entry.script.name)) timed out after \(entry.script.effectiveTimeout) - killed")
        apply(entry, success: false, reason: "timed out")
    }

    private func ended(_ entry: Entry?, runID: UInt64, pid: pid_t, exit: ChildExit, startError: SystemError?) {
        // A retired run has ended: its SIGKILL timer must not fire at a reused pid.
        if let token = terminating.removeValue(forKey: pid) { loop.cancel(token) }
        guard let entry, let run = entry.run, run.id == runID else { return }
        if let deadline = run.deadline { loop.cancel(deadline) }
        entry.run = nil
        entry.statistics.running = false
        entry.statistics.lastExit = exit
        entry.statistics.lastDuration = loop.now - run.started
        guard !run.timedOut else { return }
        if let startError {
            entry.statistics.spawnFailures += 1
            onCount?(entry.script.name, .spawnFailure)
            log("VRRP_Script(\(entry.script.name)) cannot start: \(startError)")
            apply(entry, success: false, reason: "cannot start")
            return
        }
        apply(entry, success: exit.succeeded, reason: exit.description)
    }

    private func apply(_ entry: Entry, success: Bool, reason: String) {
        guard let change = entry.result.record(success: success) else { return }
        entry.statistics.result = change
        log("VRRP_Script(\(entry.script.name)) \(change == .up ? "succeeded" : "failed (\(reason))")")
        onChange?(TrackerKey(.script, entry.script.name), change)
    }
}
