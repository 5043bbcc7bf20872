/// Runs `body` for every index of `0..<count` on a few POSIX threads, the calling thread one of
/// them, and returns when all are done. It replaces Dispatch's `concurrentPerform` for kalint
/// and kafmt: importing Dispatch loads libdispatch, its Swift overlay and, through the overlay,
/// the Concurrency and string-processing runtimes (about 3 MB resident in every run, for a
/// handful of parallel loops).
package enum ParallelWork {
    /// Each index is taken by the next free thread (work items differ in size: one node file
    /// may be ten times another). Threads get an 8 MB stack, like the main thread's.
    package static func forEach(_ count: Int, threads: Int, stackSize: Int = 8 << 20, _ body: (Int) -> Void) {
        let threadCount = min(count, max(1, threads))
        guard threadCount > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedWork(count: count, helpers: threadCount - 1, body: body)
            // The helpers start off the caller's CPU: placed beside it, a helper could wait for
            // the caller to finish every index first (see `CPUPlacement`).
            let callerCPU = CPUPlacement.currentCPU()
            for _ in 1..<threadCount {
                let status = tryStartDetachedThread(stackSize: stackSize, avoiding: callerCPU) {
                    shared.work()
                    shared.helperFinished()
                }
                // Out of threads (a process or memory limit): the threads that did start, this
                // one at least, take the rest.
                if status != 0 { shared.helperFinished() }
            }
            shared.work()
            shared.waitForHelpers()
            // The helper threads may still hold `shared` for a moment as they end; the body
            // must not outlive this call.
            shared.releaseBody()
        }
    }
}

/// The state the threads of one `forEach` share, behind one lock.
private final class SharedWork: @unchecked Sendable {
    private let lock = ConditionLock()
    private let count: Int
    // Guarded by `lock`.
    private var next = 0
    private var helpersLeft: Int
    /// Called for disjoint indices from several threads; `forEach` returns only after the last
    /// call. Set once, cleared by the calling thread once every helper has finished.
    private var body: ((Int) -> Void)?

    init(count: Int, helpers: Int, body: @escaping (Int) -> Void) {
        self.count = count
        self.helpersLeft = helpers
        self.body = body
    }

    /// Takes indices until none is left.
    func work() {
        while true {
            let index: Int = lock.withLock {
                defer { next += 1 }
                return next
            }
            guard index < count, let body else { return }
            body(index)
        }
    }

    func helperFinished() {
        lock.withLock {
            helpersLeft -= 1
            lock.broadcast()
        }
    }

    func releaseBody() { body = nil }

    func waitForHelpers() {
        lock.lock()
        while helpersLeft > 0 { lock.wait() }
        lock.unlock()
    }
}
