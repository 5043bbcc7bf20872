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
    /// Deadline (µs) → timer id and the arming it belongs to; an entry that is no longer its
    /// timer's current arming stays until it surfaces (lazy deletion).
    private var timers = EventQueue<ArmedTimer>()
    private var timerSlots: [UInt64: TimerSlot] = [:]
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

    /// Calls `handler` once at `deadline` (or at once if it has passed), unless cancelled.
    @discardableResult
    public func schedule(at deadline: VRRPInstant, _ handler: @escaping () -> Void) -> TimerToken {
        let token = addTimer(handler, repeatable: false)
        arm(token, at: deadline)
        return token
    }

    @discardableResult
    public func schedule(after delay: VRRPDuration, _ handler: @escaping () -> Void) -> TimerToken {
        schedule(at: now + delay, handler)
    }

    /// A timer that outlives its firing, armed with `arm` as often as needed: karun's engine
    /// timers (an instance's advert timer is re-armed every advert_int) cost no new handler,
    /// closure or token per arming. `removeTimer` ends it.
    public func makeTimer(_ handler: @escaping () -> Void) -> TimerToken {
        addTimer(handler, repeatable: true)
    }

    /// Arms `token` for `deadline`, replacing the deadline it had (a removed or fired one-shot
    /// timer stays gone).
    public func arm(_ token: TimerToken, at deadline: VRRPInstant) {
        guard var slot = timerSlots[token.id] else { return }
        slot.arming += 1
        slot.armed = true
        timerSlots[token.id] = slot
        timers.push(ArmedTimer(id: token.id, arming: slot.arming), at: deadline.microseconds)
        // While timers fire, one rearm follows the batch; otherwise only an earlier deadline
        // than the armed one needs the timerfd changed (one system call less per advert).
        if !firing, armedDeadline.map({ deadline.microseconds < $0 }) ?? true { rearm() }
    }

    /// Stops `token` from firing: a one-shot timer is gone, a `makeTimer` one can be armed again.
    public func cancel(_ token: TimerToken) {
        // Lazy deletion: the heap entry stays until it surfaces and finds its arming stale.
        guard let slot = timerSlots[token.id] else { return }
        if slot.repeatable {
            timerSlots[token.id]?.armed = false
        } else {
            timerSlots[token.id] = nil
        }
    }

    /// Ends a `makeTimer` timer (armed or not).
    public func removeTimer(_ token: TimerToken) {
        timerSlots[token.id] = nil
    }

    /// Timers known to the loop, armed or not (for tests: removed ones must not linger).
    var timerCount: Int { timerSlots.count }

    private func addTimer(_ handler: @escaping () -> Void, repeatable: Bool) -> TimerToken {
        let id = nextTimerID
        nextTimerID += 1
        timerSlots[id] = TimerSlot(handler: handler, repeatable: repeatable)
        return TimerToken(id: id)
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
            guard let handler = takeDue(top.payload) else { continue }
            lateness.record(microseconds: current - top.time)
            latenessObserver?(current - top.time)
            handler()
            if !running { return }
        }
    }

    /// Whether a heap entry is its timer's current arming.
    private func isCurrent(_ entry: ArmedTimer) -> Bool {
        guard let slot = timerSlots[entry.id] else { return false }
        return slot.armed && slot.arming == entry.arming
    }

    /// The handler of a due heap entry that is current, the timer marked fired (a one-shot one
    /// removed); nil for a stale entry.
    private func takeDue(_ entry: ArmedTimer) -> (() -> Void)? {
        guard isCurrent(entry), let slot = timerSlots[entry.id] else { return nil }
        if slot.repeatable {
            timerSlots[entry.id]?.armed = false
        } else {
            timerSlots[entry.id] = nil
        }
        return slot.handler
    }

    private func rearm() {
        while let top = timers.peek(), !isCurrent(top.payload) { _ = timers.pop() }
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

/// A heap entry: timer `id` as armed for the `arming`-th time.
private struct ArmedTimer {
    var id: UInt64
    var arming: UInt64
}

/// A timer's handler and its current arming (heap entries of earlier armings are stale).
private struct TimerSlot {
    var handler: () -> Void
    var repeatable: Bool
    var arming: UInt64 = 0
    var armed = false
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
