/// What an instance can track.
public enum TrackerKind: String, Hashable, Sendable {
    case script = "track_script"
    case interface = "track_interface"
    case file = "track_file"
    case process = "track_process"
    case bfd = "track_bfd"
}

/// Names a tracked object: one script, interface, file, process or BFD instance.
public struct TrackerKey: Hashable, Sendable, CustomStringConvertible {
    public var kind: TrackerKind
    public var name: String

    public init(_ kind: TrackerKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind.rawValue) \(name)" }
}

/// One tracker entry of an instance or sync group.
public struct TrackerConfiguration: Hashable, Sendable {
    public var key: TrackerKey
    /// 0 = failure means FAULT; otherwise added to / subtracted from the priority.
    public var weight: Int
    /// `reverse`: the direction of the adjustment (or the failure sense for weight 0) is inverted.
    public var reverse: Bool

    public init(_ key: TrackerKey, weight: Int = 0, reverse: Bool = false) {
        self.key = key
        self.weight = weight
        self.reverse = reverse
    }
}

/// The last result reported for a tracked object.
public enum TrackerStatus: Hashable, Sendable {
    /// Nothing reported yet: a weight-0 tracker holds its instance in INIT (keepalived's
    /// `num_script_init`); a weighted one contributes nothing.
    case unknown
    case up
    case down
    /// A `track_file` value. For the other kinds, 0 means up and anything else down (exit codes).
    case value(Int)

    /// Up/down reading for scripts, interfaces, processes and BFD.
    var isUp: Bool? {
        switch self {
        case .unknown: nil
        case .up: true
        case .down: false
        case .value(let number): number == 0
        }
    }

    /// The number a `track_file` tracker works with: `.up` reads as 0 and `.down` as 1.
    var fileValue: Int? {
        switch self {
        case .unknown: nil
        case .up: 0
        case .down: 1
        case .value(let number): number
        }
    }
}

/// The priority arithmetic of `vrrp_track.c`, evaluated from scratch for the current tracker results.
///
/// keepalived keeps a running `total_priority` and adjusts it on each change; evaluating the sum of
/// the trackers' current contributions gives the same number without drift, so that is what we do.
public struct PriorityEvaluation: Hashable, Sendable {
    /// Within 1...254, or 255 for an address owner (owners ignore weights).
    public var effectivePriority: UInt8
    /// Unweighted trackers that are failing: the instance must be in FAULT.
    public var faults: [TrackerKey]
    /// Unweighted trackers without a result yet: the instance waits in INIT.
    public var pending: [TrackerKey]

    public static func evaluate(
        basePriority: UInt8,
        trackers: [TrackerConfiguration],
        status: (TrackerKey) -> TrackerStatus
    ) -> PriorityEvaluation {
        var total = Int(basePriority)
        var faults: [TrackerKey] = []
        var pending: [TrackerKey] = []
        for tracker in trackers {
            let current = status(tracker.key)
            let multiplier = tracker.reverse ? -1 : 1
            if tracker.key.kind == .file {
                guard let rawValue = current.fileValue else {
                    if tracker.weight == 0 { pending.append(tracker.key) }
                    continue
                }
                // A file can hold any number; keep the products far from overflow (the result is
                // clamped to −254...253 below anyway).
                let value = max(-1_000_000, min(1_000_000, rawValue))
                // vrrp_track.c: weight 0 → FAULT when "non-zero" matches "not reversed"; weighted →
                // value × weight, FAULT at −254 or below, at most +253.
                let contribution = tracker.weight == 0
                    ? ((value != 0) == (multiplier == 1) ? -254 : 0)
                    : value * tracker.weight * multiplier
                if contribution <= -254 { faults.append(tracker.key) } else { total += min(contribution, 253) }
                continue
            }
            guard let up = current.isUp else {
                if tracker.weight == 0 { pending.append(tracker.key) }
                continue
            }
            if tracker.weight == 0 {
                if up != (multiplier == 1) { faults.append(tracker.key) }
            } else if up {
                if tracker.weight > 0 { total += tracker.weight * multiplier }
            } else if tracker.weight < 0 {
                total += tracker.weight * multiplier
            }
        }
        let effective: UInt8 = basePriority == 255 ? 255 : UInt8(min(254, max(1, total)))
        return PriorityEvaluation(effectivePriority: effective, faults: faults, pending: pending)
    }
}
