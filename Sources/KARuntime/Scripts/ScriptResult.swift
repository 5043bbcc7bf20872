import KAVRRP

/// keepalived's rise/fall counter for one `vrrp_script` (`vrrp_script_child_thread`).
///
/// `value` runs over 0 ... rise + fall − 1: the script is up at `rise` or above. Successes count up
/// (reaching `rise` reports up and jumps to the top), failures count down (from `rise` the next
/// failure reports down and drops to 0). A new script starts "init" at rise − 1, so its first
/// result is reported either way; `init_fail` starts it at 0, reported down.
public struct ScriptResult: Hashable, Sendable {
    public private(set) var rise: Int
    public private(set) var fall: Int
    public private(set) var value: Int
    /// No run has finished yet (keepalived's SCRIPT_INIT_STATE_INIT): the first failure reports too.
    public private(set) var initial: Bool

    public init(rise: Int, fall: Int, initFail: Bool) {
        self.rise = max(1, rise)
        self.fall = max(1, fall)
        value = initFail ? 0 : self.rise - 1
        initial = !initFail
    }

    /// What the engine sees: `.unknown` before the first result, then up or down.
    public var status: TrackerStatus {
        if initial { return .unknown }
        return value >= rise ? .up : .down
    }

    /// Records one run; returns the new status when it changed (the only case to report).
    public mutating func record(success: Bool) -> TrackerStatus? {
        let top = rise + fall - 1
        var report: TrackerStatus?
        if success {
            if value < rise - 1 {
                value += 1
            } else if value != top {
                if value < rise { report = .up }
                value = top
            } else if initial {
                report = .up
            }
        } else {
            if value > rise {
                value -= 1
            } else {
                if value == rise || initial { report = .down }
                value = 0
            }
        }
        initial = false
        return report
    }

    /// keepalived's `clear_diff_script`: carries a previous result over to new rise/fall values.
    public func carried(rise newRise: Int, fall newFall: Int) -> ScriptResult {
        var next = ScriptResult(rise: newRise, fall: newFall, initFail: false)
        if initial { return next }
        next.initial = false
        if value < rise {
            next.value = value == 0 ? 0 : max(0, next.rise - (rise - value))
        } else if value == rise + fall - 1 {
            next.value = next.rise + next.fall - 1
        } else {
            next.value = min(next.rise + (value - rise), next.rise + next.fall - 1)
        }
        return next
    }
}
