#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutex with a condition variable (POSIX threads), for the pipeline's hand-offs between
/// threads without Foundation's NSCondition (importing Foundation costs a process ~10 MB resident).
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }

    func unlock() { pthread_mutex_unlock(mutex) }

    /// Waits for a broadcast; the lock must be held (and is held again on return).
    func wait() { pthread_cond_wait(condition, mutex) }

    func broadcast() { pthread_cond_broadcast(condition) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// The closure a new thread runs (passed through pthread_create's context pointer).
private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// Starts `body` on a new POSIX thread with a stack of `stackSize` bytes (detached: callers wait
/// for its result through their own lock), kept off CPU `cpu` when it may run on another (see
/// `CPUPlacement`).
package func startDetachedThread(stackSize: Int, avoiding cpu: Int32? = nil, _ body: @escaping @Sendable () -> Void) {
    let status = tryStartDetachedThread(stackSize: stackSize, avoiding: cpu, body)
    precondition(status == 0, "pthread_create failed (\(status))")
}

/// `startDetachedThread`, reporting a failure to start (pthread_create's error) instead of
/// stopping: `body` then never runs.
package func tryStartDetachedThread(
    stackSize: Int, avoiding cpu: Int32? = nil, _ body: @escaping @Sendable () -> Void
) -> Int32 {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    CPUPlacement.threadAttributes(&attributes, avoiding: cpu)
    let context = Unmanaged.passRetained(ThreadBody(body))
    #if canImport(Glibc)
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context.toOpaque())
    #else
        var thread: pthread_t?
        let status = pthread_create(&thread, &attributes, { raw in
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context.toOpaque())
    #endif
    if status != 0 { context.release() }
    return status
}
