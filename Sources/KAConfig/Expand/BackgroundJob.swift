#if canImport(Glibc)
    import Glibc
#endif

/// A value computed on a thread of its own, waited for once. Large files are parsed and bound
/// this way while the expansion goes on; the result is the same as computing it in place, only
/// sooner on a machine with more than one core.
///
/// A dedicated thread, not a Dispatch queue: callers may already run on every worker of the
/// global pool (`FleetAnalysis`) and block here, which must never starve the job itself.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let result = OneShot<Value>()

    /// Starts `work` at once on a new thread with a stack as large as the main thread's. A
    /// `yielding` job runs at the lowest scheduling priority: it still gets any idle core, but
    /// yields to the caller's other threads when the cores are all busy (see `PendingFile`).
    ///
    /// A job `avoiding` a CPU keeps off it: the binder, which works hand in hand with the
    /// expansion, keeps off the expansion's CPU (see `CPUPlacement`).
    ///
    /// The work closure is let go before the value is published: what it captured (a file's
    /// bytes, for a parse) is not held a moment past the wait of whoever takes the value.
    init(yielding: Bool = false, avoiding cpu: Int32? = nil, _ work: @escaping @Sendable () -> Value) {
        let pending = PendingWork(work)
        self.pending = nil
        startDetachedThread(stackSize: 8 << 20, avoiding: cpu) { [self] in
            if yielding { Self.lowerPriority() }
            result.set(pending.run())
        }
    }

    /// The work of a deferred job: taken by whichever thread claims it first.
    private let pending: PendingWork<Value>?

    /// Starts no thread: the work runs on the first thread that calls `claim()`, or, when none
    /// has, on the first that asks for the value. For work that a thread about to wait anyway
    /// can do in the meantime (the binder, before the expansion's first lines reach it): no
    /// thread to start, and none that the binder, once woken, must wait to be scheduled past.
    init(deferred work: @escaping @Sendable () -> Value) {
        pending = PendingWork(work)
    }

    /// Made by `init(deferred:)`: no thread runs it until one claims it.
    var isDeferred: Bool { pending != nil }

    /// Runs a deferred job's work on the calling thread, unless another thread has taken it.
    func claim() {
        // The closure goes with `runIfUntaken`'s return, before the value is published.
        guard let value = pending?.runIfUntaken() else { return }
        result.set(value)
    }

    /// Lowers the calling thread's priority: on Linux the nice value belongs to the thread, and
    /// `setpriority` with id 0 sets the caller's (elsewhere this does nothing).
    private static func lowerPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }

    /// Blocks until the value is there (a deferred job nobody claimed runs here).
    var value: Value {
        claim()
        return result.value
    }

    /// Blocks until the value is there, and moves it out (`OneShot.take`).
    func take() -> Value {
        claim()
        return result.take()
    }
}

/// A closure run once, then dropped (see `BackgroundJob.init`).
private final class PendingWork<Value>: @unchecked Sendable {
    // Guarded by `lock` (a deferred job's threads may race to take it).
    private var work: (@Sendable () -> Value)?
    private let lock = ConditionLock()

    init(_ work: @escaping @Sendable () -> Value) { self.work = work }

    /// The closure, to the first caller only; nil afterwards.
    func take() -> (@Sendable () -> Value)? {
        lock.lock()
        defer { lock.unlock() }
        let taken = work
        work = nil
        return taken
    }

    func run() -> Value { take()!() }

    /// The closure's value, run here, when no caller took it before.
    func runIfUntaken() -> Value? {
        guard let work = take() else { return nil }
        return work()
    }
}

/// A value one thread sets once and others wait for.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let condition = ConditionLock()
    // Guarded by `condition`.
    private var stored: Value?
    private var taken = false

    func set(_ value: Value) {
        condition.lock()
        stored = value
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the value is set.
    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        precondition(!taken, "the value was taken")
        while stored == nil { condition.wait() }
        return stored!
    }

    /// Blocks until the value is set, and moves it out: this holds it no longer (the thread that
    /// set it may still hold this). For a value read once.
    func take() -> Value {
        condition.lock()
        defer { condition.unlock() }
        precondition(!taken, "the value was taken")
        while stored == nil { condition.wait() }
        taken = true
        defer { stored = nil }
        return stored!
    }
}

/// A file as the expansion holds it: parsed already, or being parsed in the background. The
/// expansion needs only the file's bytes and line table, and the parsed file only when it ends,
/// so a background parse yields the cores to the expansion and the binder, the pipeline's
/// longest stage (on the 2-core build VM, 28-39 ms against 36-42 ms at equal priority, in
/// alternating runs). Without `keepingTree`, the parse keeps only the comments and findings
/// and frees the tree at once, before the binder's statements grow.
enum PendingFile: Sendable {
    case ready(ExpandedFile)
    case parsing(BackgroundJob<ExpandedFile>, SourceFile)

    /// Parses the file in place, or on its own thread when it has at least `backgroundBytes`
    /// bytes (its line table is then built here first: the expansion needs it at once).
    ///
    /// With `deferringScan`, a large file's scan for findings (not a tree) starts no thread: the
    /// job waits for a thread to `claim()` it (the pipeline's binder, see `LineReader.rootScan`).
    init(path: String, bytes: [UInt8], backgroundBytes: Int, keepingTree: Bool, deferringScan: Bool) {
        if bytes.count >= backgroundBytes {
            let source = SourceFile(path: path, bytes: bytes)
            if deferringScan, !keepingTree {
                self = .parsing(BackgroundJob(deferred: { ExpandedFile(parsingWithoutTree: source) }), source)
                return
            }
            guard keepingTree else {
                // Only findings and comments: at full priority, so that its tokens are freed
                // before the binder's statements grow (the peak memory is then the binder's),
                // and off this thread's CPU, which the expansion then needs to itself (the
                // binder shares the other; see `CPUPlacement`).
                let job = BackgroundJob(avoiding: CPUPlacement.currentCPU()) { ExpandedFile(parsingWithoutTree: source) }
                self = .parsing(job, source)
                return
            }
            self = .parsing(BackgroundJob(yielding: true) { ExpandedFile(Parser.parse(source)) }, source)
        } else if keepingTree {
            self = .ready(ExpandedFile(Parser.parse(path: path, bytes: bytes)))
        } else {
            self = .ready(ExpandedFile(parsingWithoutTree: SourceFile(path: path, bytes: bytes)))
        }
    }

    /// The source, available before the parse ends.
    var source: SourceFile {
        switch self {
        case .ready(let file): file.source
        case .parsing(_, let source): source
        }
    }

    var file: ExpandedFile {
        switch self {
        case .ready(let file): file
        case .parsing(let job, _): job.value
        }
    }

    /// `file`, taken out of a background parse's job (which its thread may still hold a moment)
    /// into this value: the file's bytes are then held only where this is.
    mutating func takeFile() -> ExpandedFile {
        switch self {
        case .ready(let file):
            return file
        case .parsing(let job, _):
            let file = job.take()
            self = .ready(file)
            return file
        }
    }
}
