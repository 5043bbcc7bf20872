#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime
import KAVRRP

/// karun's one event loop: epoll over file descriptors plus one timerfd for every timer.
///
/// Single-threaded by design: every handler runs on the thread that called `run()`, one at a time,
/// so the engine and everything the handlers touch need no locks. Nothing polls: with no packet,
/// signal, child or timer the process sleeps in `epoll_wait`.
public final class EventLoop {
    public typealias ReadyHandler = (_ events: UInt32) -> Void

    /// Identifies a scheduled timer for `cancel`.
    public struct TimerToken: Hashable, Sendable {
        fileprivate let id: UInt64
    }

    private let epoll: Int32
    private let timerFD: Int32
    private var handlers: [Int32: ReadyHandler] = [:]
    /// Deadline (µs) → timer id; a cancelled id stays until it surfaces (lazy deletion).
    private var timers = EventQueue<UInt64>()
    private var timerHandlers: [UInt64: () -> Void] = [:]
    private var nextTimerID: UInt64 = 1
    private var armedDeadline: Int64?
    private var firing = false
    private var running = false
    /// How late each timer fired (µs), for status and the lateness histogram.
    public private(set) var lateness = LatenessRecorder()
    /// Also told each timer's lateness (µs) as it fires: `--metrics`' histogram.
    public var latenessObserver: ((Int64) -> Void)?

    public init() throws {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw SystemError("epoll_create1") }
        timerFD = timerfd_create(CLOCK_MONOTONIC, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard timerFD >= 0 else {
            close(epoll)
            throw SystemError("timerfd_create")
        }
        try watch(fd: timerFD) { [unowned self] _ in self.timerFDReady() }
    }

    deinit {
        close(timerFD)
        close(epoll)
    }

    public var now: VRRPInstant { MonotonicClock.now() }

    // MARK: File descriptors

    /// Calls `handler` whenever `fd` is ready (level-triggered, EPOLLIN unless `events` says more).
    public func watch(fd: Int32, events: UInt32 = UInt32(EPOLLIN.rawValue), _ handler: @escaping ReadyHandler) throws {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        let operation = handlers[fd] == nil ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        guard epoll_ctl(epoll, operation, fd, &event) == 0 else { throw SystemError("epoll_ctl(\(fd))") }
        handlers[fd] = handler
    }

    /// Stops watching `fd` (the caller still owns and closes it).
    public func unwatch(fd: Int32) {
        guard handlers.removeValue(forKey: fd) != nil else { return }
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nil)
    }

    // MARK: Timers

    @discardableResult
    public func schedule(at deadline: VRRPInstant, _ handler: @escaping () -> Void) -> TimerToken {
        let id = nextTimerID
        nextTimerID += 1
        timerHandlers[id] = handler
        timers.push(id, at: deadline.microseconds)
        // While timers fire, one rearm follows the batch; otherwise only an earlier deadline
        // than the armed one needs the timerfd changed (one system call less per advert).
        if !firing, armedDeadline.map({ deadline.microseconds < $0 }) ?? true { rearm() }
        return TimerToken(id: id)
    }

    @discardableResult
    public func schedule(after delay: VRRPDuration, _ handler: @escaping () -> Void) -> TimerToken {
        schedule(at: now + delay, handler)
    }

    public func cancel(_ token: TimerToken) {
        // Lazy deletion: the heap entry stays until it surfaces and finds no handler.
        timerHandlers[token.id] = nil
    }

    // MARK: Running

    /// Runs until `stop()` is called from a handler.
    public func run() {
        running = true
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        while running {
            let count = events.withUnsafeMutableBufferPointer { buffer in
                epoll_wait(epoll, buffer.baseAddress, Int32(buffer.count), -1)
            }
            if count < 0 {
                if errno == EINTR { continue }
                fatalError("epoll_wait: \(SystemError("epoll_wait"))")
            }
            for index in 0..<Int(count) {
                let fd = events[index].data.fd
                // A handler may unwatch another fd of this batch: look it up each time.
                guard let handler = handlers[fd] else { continue }
                handler(events[index].events)
                if !running { break }
            }
        }
    }

    public func stop() { running = false }

    // MARK: Private

    private func timerFDReady() {
        var expirations: UInt64 = 0
        _ = read(timerFD, &expirations, MemoryLayout<UInt64>.size)
        armedDeadline = nil
        firing = true
        fireDueTimers()
        firing = false
        rearm()
    }

    private func fireDueTimers() {
        // Timers scheduled by a handler for "now" fire in this pass too, after the ones due before.
        while let top = timers.peek() {
            let current = MonotonicClock.now().microseconds
            guard top.time <= current else { break }
            _ = timers.pop()
            guard let handler = timerHandlers.removeValue(forKey: top.payload) else { continue }
            lateness.record(microseconds: current - top.time)
            latenessObserver?(current - top.time)
            handler()
            if !running { return }
        }
    }

    private func rearm() {
        while let top = timers.peek(), timerHandlers[top.payload] == nil { _ = timers.pop() }
        guard let top = timers.peek() else {
            if armedDeadline != nil {
                var disarm = itimerspec()
                _ = timerfd_settime(timerFD, 0, &disarm, nil)
                armedDeadline = nil
            }
            return
        }
        if armedDeadline == top.time { return }
        // An absolute deadline of zero would disarm the timer: the earliest value is 1 ns.
        let deadline = max(top.time, 0)
        var spec = itimerspec()
        spec.it_value.tv_sec = Int(deadline / 1_000_000)
        spec.it_value.tv_nsec = Int(deadline % 1_000_000) * 1_000
        if spec.it_value.tv_sec == 0, spec.it_value.tv_nsec == 0 { spec.it_value.tv_nsec = 1 }
        _ = timerfd_settime(timerFD, Int32(TFD_TIMER_ABSTIME), &spec, nil)
        armedDeadline = top.time
    }
}

/// How late timers fire: a fixed-bucket histogram (µs upper bounds) plus the worst case.
public struct LatenessRecorder: Sendable {
    /// Upper bounds in microseconds; the last bucket is everything above.
    public static let bounds: [Int64] = [100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000]
    public private(set) var counts = [Int](repeating: 0, count: LatenessRecorder.bounds.count + 1)
    public private(set) var totalMicroseconds: Int64 = 0
    public private(set) var worstMicroseconds: Int64 = 0

    public var samples: Int { counts.reduce(0, +) }

    mutating func record(microseconds: Int64) {
        let value = max(0, microseconds)
        let bucket = Self.bounds.firstIndex { value <= $0 } ?? Self.bounds.count
        counts[bucket] += 1
        totalMicroseconds += value
        worstMicroseconds = max(worstMicroseconds, value)
    }
}
