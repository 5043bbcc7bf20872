#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime
import KAVRRP

/// karun's one event loop: epoll over file descriptors, and every timer timed by the wait itself
/// (`epoll_pwait2`'s timeout, Linux 5.11), or where that call is missing or filtered by one timerfd.
/// A wake-up for a timer then costs the wait alone, not also the timerfd's read and re-arm: with
/// 500 masters that is 1,000 system calls a second fewer.
///
/// Single-threaded by design: every handler runs on the thread that called `run()`, one at a time,
/// so the engine and everything the handlers touch need no locks. Nothing polls: with no packet,
/// signal, child or timer the process sleeps in `epoll_wait`.
public final class EventLoop {
    public typealias ReadyHandler = (_ events: UInt32) -> Void

    /// Identifies a scheduled timer for `cancel`: where it sits, and which timer it was (a slot
    /// is reused once its timer is gone; a token of the gone one then finds another id there).
    public struct TimerToken: Hashable, Sendable {
        fileprivate let slot: Int
        fileprivate let id: UInt64
    }

    private let epoll: Int32
    private let timerFD: Int32
    /// Handlers by file descriptor (small integers: an array, no hashing per wake-up).
    private var handlers: [ReadyHandler?] = []
    /// Deadline (µs) → timer slot and the arming it belongs to; an entry that is no longer its
    /// timer's current arming stays until it surfaces (lazy deletion).
    private var timers = EventQueue<ArmedTimer>()
    /// Timers by slot (an array: arming, firing and checking an entry hash nothing); free slots
    /// are reused.
    private var timerSlots: [TimerSlot?] = []
    private var freeTimerSlots: [Int] = []
    private var nextTimerID: UInt64 = 1
    /// Numbers every arming of every timer, so a stale heap entry never matches a reused slot.
    private var nextArming: UInt64 = 1
    private var armedDeadline: Int64?
    private var firing = false
    private var running = false
    /// Whether the wait's timeout times the timers (else the timerfd does).
    private(set) var waitTimesTimers: Bool
    /// The process's timer slack (µs): how late the kernel may end a timed wait, besides 0.1 %.
    private let timerSlack: Int64
    /// How late each timer fired (µs), for status and the lateness histogram.
    public private(set) var lateness = LatenessRecorder()
    /// Also told each timer's lateness (µs) as it fires: `--metrics`' histogram.
    public var latenessObserver: ((Int64) -> Void)?

    /// `timedWait: false` keeps to the timerfd (what happens where `epoll_pwait2` is refused).
    public init(timedWait: Bool = true) throws {
        waitTimesTimers = timedWait
        timerSlack = Self.threadTimerSlack()
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
        guard fd >= 0 else { throw SystemError("epoll_ctl(\(fd))", code: EBADF) }
        let operation = self.handler(for: fd) == nil ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        guard epoll_ctl(epoll, operation, fd, &event) == 0 else { throw SystemError("epoll_ctl(\(fd))") }
        let index = Int(fd)
        if index >= handlers.count { handlers.append(contentsOf: repeatElement(nil, count: index + 1 - handlers.count)) }
        handlers[index] = handler
    }

    /// Stops watching `fd` (the caller still owns and closes it).
    public func unwatch(fd: Int32) {
        guard handler(for: fd) != nil else { return }
        handlers[Int(fd)] = nil
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nil)
    }

    private func handler(for fd: Int32) -> ReadyHandler? {
        fd >= 0 && Int(fd) < handlers.count ? handlers[Int(fd)] : nil
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
        guard holds(token) else { return }
        let arming = nextArming
        nextArming += 1
        timerSlots[token.slot]?.arming = arming
        timerSlots[token.slot]?.armed = true
        timers.push(ArmedTimer(slot: token.slot, arming: arming), at: deadline.microseconds)
        // While timers fire, one rearm follows the batch; otherwise only an earlier deadline
        // than the armed one needs the timerfd changed (one system call less per advert).
        if !firing, armedDeadline.map({ deadline.microseconds < $0 }) ?? true { rearm() }
    }

    /// Stops `token` from firing: a one-shot timer is gone, a `makeTimer` one can be armed again.
    public func cancel(_ token: TimerToken) {
        // Lazy deletion: the heap entry stays until it surfaces and finds its arming stale.
        guard holds(token), let repeatable = timerSlots[token.slot]?.repeatable else { return }
        if repeatable {
            timerSlots[token.slot]?.armed = false
        } else {
            freeTimerSlot(token.slot)
        }
    }

    /// Ends a `makeTimer` timer (armed or not).
    public func removeTimer(_ token: TimerToken) {
        guard holds(token) else { return }
        freeTimerSlot(token.slot)
    }

    /// Timers known to the loop, armed or not (for tests: removed ones must not linger).
    var timerCount: Int { timerSlots.count - freeTimerSlots.count }

    private func addTimer(_ handler: @escaping () -> Void, repeatable: Bool) -> TimerToken {
        let id = nextTimerID
        nextTimerID += 1
        let timer = TimerSlot(id: id, handler: handler, repeatable: repeatable)
        if let slot = freeTimerSlots.popLast() {
            timerSlots[slot] = timer
            return TimerToken(slot: slot, id: id)
        }
        timerSlots.append(timer)
        return TimerToken(slot: timerSlots.count - 1, id: id)
    }

    /// Whether `token`'s timer is still there (not fired as a one-shot, cancelled or removed).
    private func holds(_ token: TimerToken) -> Bool {
        token.slot >= 0 && token.slot < timerSlots.count && timerSlots[token.slot]?.id == token.id
    }

    private func freeTimerSlot(_ slot: Int) {
        timerSlots[slot] = nil
        freeTimerSlots.append(slot)
    }

    // MARK: Running

    /// Runs until `stop()` is called from a handler.
    public func run() {
        running = true
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        while running {
            let count = events.withUnsafeMutableBufferPointer { wait(into: $0) }
            if count < 0 {
                if errno == EINTR { continue }
                if waitTimesTimers, errno == ENOSYS || errno == EPERM {
                    // An older kernel, or a seccomp filter without the call: the timerfd takes over.
                    waitTimesTimers = false
                    rearm()
                    continue
                }
                fatalError("epoll_wait: \(SystemError("epoll_wait"))")
            }
            for index in 0..<Int(count) {
                let fd = events[index].data.fd
                // A handler may unwatch another fd of this batch: look it up each time.
                guard let ready = handler(for: fd) else { continue }
                ready(events[index].events)
                if !running { break }
            }
            if waitTimesTimers, running { fireTimers() }
        }
    }

    /// One wait: until a descriptor is ready, or (timed wait) the earliest timer is due.
    private func wait(into buffer: UnsafeMutableBufferPointer<epoll_event>) -> Int32 {
        guard waitTimesTimers else { return epoll_wait(epoll, buffer.baseAddress, Int32(buffer.count), -1) }
        while let top = timers.peek(), !isCurrent(top.payload) { _ = timers.pop() }
        guard let top = timers.peek() else { return epoll_pwait2(epoll, buffer.baseAddress, Int32(buffer.count), nil, nil) }
        let remaining = max(0, top.time - MonotonicClock.now().microseconds)
        // The kernel may end the wait late by the slack, or 0.1 % of a long wait
        // (`select_estimate_accuracy`): asking that much less ends it on the deadline (now and
        // then early, and the next wait covers the rest). A wait shorter than the slack is asked
        // in full rather than as a run of zero waits: then a timer may fire that much late.
        let slack = max(timerSlack, remaining / 1_000)
        let timeout = remaining > slack ? remaining - slack : remaining
        var spec = timespec(tv_sec: Int(timeout / 1_000_000), tv_nsec: Int(timeout % 1_000_000) * 1_000)
        return epoll_pwait2(epoll, buffer.baseAddress, Int32(buffer.count), &spec, nil)
    }

    public func stop() { running = false }

    // MARK: Private

    private func timerFDReady() {
        var expirations: UInt64 = 0
        _ = read(timerFD, &expirations, MemoryLayout<UInt64>.size)
        armedDeadline = nil
        fireTimers()
    }

    private func fireTimers() {
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
        // Armings are numbered across all timers: a match is this timer, armed this time.
        timerSlots[entry.slot]?.arming == entry.arming && timerSlots[entry.slot]?.armed == true
    }

    /// The handler of a due heap entry that is current, the timer marked fired (a one-shot one
    /// removed); nil for a stale entry.
    private func takeDue(_ entry: ArmedTimer) -> (() -> Void)? {
        guard isCurrent(entry), let handler = timerSlots[entry.slot]?.handler else { return nil }
        if timerSlots[entry.slot]?.repeatable == true {
            timerSlots[entry.slot]?.armed = false
        } else {
            freeTimerSlot(entry.slot)
        }
        return handler
    }

    /// `/proc/self/timerslack_ns` in µs; Linux's default, 50 µs, if it cannot be read.
    private static func threadTimerSlack() -> Int64 {
        guard let text = SmallFile.text("/proc/self/timerslack_ns"), let nanoseconds = Int64(text) else { return 50 }
        return nanoseconds / 1_000
    }

    /// Sets the timerfd to the earliest current deadline (a timed wait needs nothing: each wait
    /// reads the heap).
    private func rearm() {
        guard !waitTimesTimers else { return }
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

/// A heap entry: the timer in `slot` as armed the `arming`-th time (of all armings).
private struct ArmedTimer {
    var slot: Int
    var arming: UInt64
}

/// A timer's handler and its current arming (heap entries of earlier armings are stale).
private struct TimerSlot {
    /// Which timer this is (tokens carry it: the slot is reused after the timer is gone).
    var id: UInt64
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
