#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAConfig
import KAVRRP

/// Counters of one notify queue, for the status output.
public struct NotifyQueueStatistics: Hashable, Sendable {
    /// Scripts started.
    public var runs = 0
    /// Non-zero exits, signals, timeouts, spawn failures and unusable command lines.
    public var failures = 0
    /// Scripts killed at the timeout (also counted in `failures`).
    public var timeouts = 0
    /// Invocations refused because the queue was full.
    public var dropped = 0
    public var lastExit: ChildExit?
    public var lastDuration: VRRPDuration?
    /// Waiting behind the running one.
    public var pending = 0
    public var running = false
}

/// Runs notify scripts in order per queue (one queue per instance or sync group): the next script
/// of a queue starts when the previous one has ended or was killed at its timeout. Queues run
/// independently of each other and of the loop: only fork+exec happens on the loop's thread.
///
/// keepalived starts every notify at once, so two transitions' scripts can overtake each other
/// (its issues #996, #584); here they cannot.
public final class NotifyRunner {
    /// Per script; a script still running then gets SIGKILL (its whole process group).
    public var timeout: VRRPDuration = .seconds(30)
    /// Invocations a queue holds beyond the running one; later ones are dropped and counted.
    public var maximumPending = 1_000
    /// `script_user`: the identity for invocations that do not name one.
    public var defaultIdentity: ScriptIdentity = .current
    /// Checked once per command line and identity (cached until `security` changes).
    public var security = ScriptSecurity(enabled: false) {
        didSet { verdicts.removeAll() }
    }
    /// Called on the loop's thread after each script of a queue has finished (nil exit: it could
    /// not start, or was given up after its timeout).
    public var onFinished: ((_ queue: String, _ invocation: NotifyInvocation, _ exit: ChildExit?) -> Void)?
    /// Called when the last queue becomes empty (for an orderly shutdown after notify_stop).
    public var onIdle: (() -> Void)?

    private unowned let loop: EventLoop
    private let spawner: ProcessSpawner
    private let log: (String) -> Void
    private var queues: [String: Queue] = [:]
    private var verdicts: [VerdictKey: ScriptSecurity.Verdict] = [:]
    private var nextRunID: UInt64 = 1
    /// Children `stop()` terminates: pid → their SIGKILL timer (cancelled once reaped).
    private var terminating: [pid_t: EventLoop.TimerToken] = [:]
    /// How long a killed script may take to be reaped before its queue moves on anyway.
    private let reapGrace: VRRPDuration = .seconds(1)

    private struct VerdictKey: Hashable {
        var command: String
        var uid: uid_t
        var gid: gid_t
    }

    private struct Job {
        var invocation: NotifyInvocation
        var identity: ScriptIdentity?
    }

    private struct Run {
        var id: UInt64
        var pid: pid_t
        var job: Job
        var started: VRRPInstant
        var timer: EventLoop.TimerToken?
        var timedOut = false
    }

    private final class Queue {
        var pending: [Job] = []
        var head = 0
        var running: Run?
        var statistics = NotifyQueueStatistics()

        var waiting: Int { pending.count - head }

        func pop() -> Job? {
            guard head < pending.count else { return nil }
            let job = pending[head]
            head += 1
            if head > 64, head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
            return job
        }
    }

    public init(loop: EventLoop, children: ChildWatcher, log: @escaping (String) -> Void) {
        self.loop = loop
        spawner = ProcessSpawner(children: children)
        self.log = log
    }

    /// Queues `invocation` (its command line split by the model's tokenizer, `arguments` appended)
    /// on `queue`; it starts at once when the queue is idle. `identity` overrides the default
    /// script user (a notify line's `username [groupname]`).
    public func run(_ invocation: NotifyInvocation, queue name: String, identity: ScriptIdentity? = nil) {
        let queue: Queue
        if let existing = queues[name] {
            queue = existing
        } else {
            queue = Queue()
            queues[name] = queue
        }
        guard queue.waiting < maximumPending else {
            queue.statistics.dropped += 1
            log("notify queue \(name) full - dropping \(invocation.command)")
            return
        }
        queue.pending.append(Job(invocation: invocation, identity: identity))
        queue.statistics.pending = queue.waiting
        if queue.running == nil { advance(name, queue) }
    }

    /// fork+exec times of this runner's scripts.
    public var spawnStatistics: SpawnStatistics { spawner.statistics }

    public var statistics: [String: NotifyQueueStatistics] { queues.mapValues { $0.statistics } }

    /// No script running or waiting anywhere.
    public var isIdle: Bool { queues.values.allSatisfy { $0.running == nil && $0.waiting == 0 } }

    /// Drops waiting invocations and terminates running ones (SIGTERM to the group, SIGKILL after
    /// `grace`).
    public func stop(grace: VRRPDuration = .seconds(2)) {
        for queue in queues.values {
            queue.pending.removeAll()
            queue.head = 0
            queue.statistics.pending = 0
            guard let run = queue.running else { continue }
            if let timer = run.timer { loop.cancel(timer) }
            queue.running = nil
            queue.statistics.running = false
            ProcessSpawner.signalGroup(run.pid, SIGTERM)
            let pid = run.pid
            terminating[pid] = loop.schedule(after: grace) { [weak self] in
                guard let self, self.terminating.removeValue(forKey: pid) != nil else { return }
                ProcessSpawner.signalGroup(pid, SIGKILL)
            }
        }
    }

    // MARK: Private

    /// Starts the next job of `queue`, skipping the ones that cannot start.
    private func advance(_ name: String, _ queue: Queue) {
        while queue.running == nil, let job = queue.pop() {
            queue.statistics.pending = queue.waiting
            if start(job, name, queue) { return }
            onFinished?(name, job.invocation, nil)
        }
        if queue.running == nil, isIdle { onIdle?() }
    }

    private func start(_ job: Job, _ name: String, _ queue: Queue) -> Bool {
        let invocation = job.invocation
        guard case .success(let words) = ScriptTokenizer.split(invocation.command), !words.isEmpty else {
            queue.statistics.failures += 1
            log("notify \(name): cannot parse command line '\(invocation.command)'")
            return false
        }
        let identity = job.identity ?? defaultIdentity
        let key = VerdictKey(command: words[0], uid: identity.uid, gid: identity.gid)
        let verdict = verdicts[key] ?? {
            let checked = security.check(command: words[0], uid: identity.uid, gid: identity.gid)
            for finding in checked.findings { log("notify \(name): \(finding)") }
            verdicts[key] = checked
            return checked
        }()
        guard !verdict.disabled, let executable = verdict.executablePath else {
            queue.statistics.failures += 1
            return false
        }
        let argv = words + invocation.arguments
        let id = nextRunID
        nextRunID += 1
        queue.statistics.runs += 1
        let pid: pid_t
        var childPID: pid_t = 0
        do {
            pid = try spawner.spawn(path: executable, argv: argv, identity: identity) { [weak self] exit, startError in
                self?.ended(name, runID: id, pid: childPID, exit: exit, startError: startError)
            }
            childPID = pid
        } catch {
            queue.statistics.failures += 1
            log("notify \(name): cannot start \(words[0]): \(error)")
            return false
        }
        var run = Run(id: id, pid: pid, job: job, started: loop.now)
        run.timer = loop.schedule(after: timeout) { [weak self] in self?.timedOut(name, runID: id) }
        queue.running = run
        queue.statistics.running = true
        return true
    }

    private func timedOut(_ name: String, runID: UInt64) {
        guard let queue = queues[name], var run = queue.running, run.id == runID else { return }
        if run.timedOut {
            // Killed a while ago and still not reaped (uninterruptible sleep): move on without it.
            log("notify \(name): \(run.job.invocation.command) (pid \(run.pid)) not reaped after SIGKILL - continuing")
            finish(name, queue, run, exit: nil)
            return
        }
        if ProcessSpawner.hasEnded(run.pid) {
            // It ended in time; the loop reaps it in this same pass.
            run.timer = nil
            queue.running = run
            return
        }
        ProcessSpawner.signalGroup(run.pid, SIGKILL)
        run.timedOut = true
        queue.statistics.timeouts += 1
        queue.statistics.failures += 1
        log("notify \(name): \(run.job.invocation.command) timed out after \(timeout) - killed")
        run.timer = loop.schedule(after: reapGrace) { [weak self] in self?.timedOut(name, runID: runID) }
        queue.running = run
    }

    private func ended(_ name: String, runID: UInt64, pid: pid_t, exit: ChildExit, startError: SystemError?) {
        if let token = terminating.removeValue(forKey: pid) { loop.cancel(token) }
        guard let queue = queues[name], let run = queue.running, run.id == runID else { return }
        if let startError {
            queue.statistics.failures += 1
            log("notify \(name): cannot start \(run.job.invocation.command): \(startError)")
            finish(name, queue, run, exit: nil)
            return
        }
        if !run.timedOut, !exit.succeeded {
            queue.statistics.failures += 1
            log("notify \(name): \(run.job.invocation.command) \(exit)")
        }
        finish(name, queue, run, exit: exit)
    }

    private func finish(_ name: String, _ queue: Queue, _ run: Run, exit: ChildExit?) {
        if let timer = run.timer { loop.cancel(timer) }
        queue.running = nil
        queue.statistics.running = false
        queue.statistics.lastExit = exit ?? queue.statistics.lastExit
        queue.statistics.lastDuration = loop.now - run.started
        onFinished?(name, run.job.invocation, exit)
        advance(name, queue)
    }
}
