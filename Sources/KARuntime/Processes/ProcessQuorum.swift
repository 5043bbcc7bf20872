import KAVRRP

/// The count of one tracked process and what it means, as keepalived 2.2.7 keeps it
/// (core/track_process.c): the tracker is up while quorum ≤ count ≤ quorum_max. Crossing into the
/// range waits `fork_delay`, crossing out of it `terminate_delay`; crossing back while the other
/// wait runs cancels it, and the tracker never moved. Pure: the shell arms and cancels the timer.
public struct ProcessQuorum: Hashable, Sendable {
    public enum Effect: Hashable, Sendable {
        case none
        case report(up: Bool)
        case armTimer(after: VRRPDuration)
        case cancelTimer
    }

    public let quorum: Int
    public let quorumMax: Int
    public let forkDelay: VRRPDuration
    public let terminateDelay: VRRPDuration
    public private(set) var count = 0
    /// What the tracker last reported (nil before the first count).
    public private(set) var reported: Bool?
    /// A delay is running: towards up (gained) or down (lost).
    public private(set) var waiting: Bool?

    public init(_ process: TrackedProcess) {
        quorum = process.quorum
        quorumMax = process.quorumMax
        forkDelay = process.forkDelay
        terminateDelay = process.terminateDelay
    }

    public var inQuorum: Bool { count >= quorum && count <= quorumMax }

    /// The first count (keepalived's read of /proc at start): reported at once, no delay.
    public mutating func start(count: Int) -> Effect {
        self.count = count
        reported = inQuorum
        waiting = nil
        return .report(up: inQuorum)
    }

    /// One more (`+1`) or one fewer (`-1`) matching process.
    public mutating func change(by delta: Int) -> Effect {
        let before = inQuorum
        count = max(0, count + delta)
        guard inQuorum != before else { return .none }
        let gained = inQuorum
        if let waiting, waiting != gained {
            // Back where it was before the wait began: the tracker never moved.
            self.waiting = nil
            return .cancelTimer
        }
        let delay = gained ? forkDelay : terminateDelay
        if delay > .zero {
            waiting = gained
            return .armTimer(after: delay)
        }
        waiting = nil
        reported = gained
        return .report(up: gained)
    }

    /// The delay ran out: the tracker takes the state the count says now.
    public mutating func timerExpired() -> Effect {
        waiting = nil
        guard reported != inQuorum else { return .none }
        reported = inQuorum
        return .report(up: inQuorum)
    }
}
