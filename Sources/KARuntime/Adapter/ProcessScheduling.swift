import KAConfig

/// How keepalived's VRRP process is scheduled, from global_defs, read as keepalived 2.2.7 reads it
/// (global_parser.c) and applied as it applies it (lib/process.c, by `SchedulingControl`):
/// `vrrp_priority` (nice), `vrrp_rt_priority` (SCHED_RR, not inherited by scripts),
/// `vrrp_rlimit_rttime` (RLIMIT_RTTIME: SIGXCPU at half, SIGKILL at the limit), `vrrp_no_swap`
/// (mlockall), `vrrp_cpu_affinity`, and `max_auto_priority` / `min_auto_priority_delay` (turn
/// SCHED_RR on, then raise it, each time a timer fires that late).
public struct ProcessScheduling: Hashable, Sendable {
    /// Nice value; keepalived applies it only without a real-time priority.
    public var nice: Int?
    /// SCHED_RR priority, 1-99.
    public var realtimePriority: Int?
    /// RLIMIT_RTTIME hard limit in µs (soft: half); keepalived's default 10,000.
    public var realtimeLimit = 10_000
    public var lockMemory = false
    /// CPUs the process may run on; empty: all.
    public var cpus: [Int] = []
    /// Highest SCHED_RR priority the automatic raise may reach; 0 or less: off.
    public var maxAutoPriority = 0
    /// How late (µs) the earliest timer must fire for the automatic raise; keepalived's 1 s.
    public var minAutoPriorityDelay = 1_000_000

    public init() {}

    public var isDefault: Bool { self == ProcessScheduling() }

    /// Lowest and highest SCHED_RR priorities on Linux (sched_get_priority_min/max).
    static let realtimeRange = 1...99

    /// The settings of `defs`, and what keepalived would report and ignore (or clamp).
    public static func from(_ defs: GlobalDefs, onlineCPUs: Int) -> (ProcessScheduling, [String]) {
        var scheduling = ProcessScheduling()
        var problems: [String] = []
        func integer(_ keyword: String) -> Int? {
            guard let words = defs.other[keyword] else { return nil }
            guard let word = words.first, let value = Int(word) else {
                problems.append("\(keyword) '\(words.first ?? "")' is not a number; ignored")
                return nil
            }
            return value
        }
        if let nice = integer("vrrp_priority") {
            if (-20...19).contains(nice) {
                scheduling.nice = nice
            } else {
                problems.append("vrrp_priority \(nice) is outside -20..19; ignored")
            }
        }
        if var priority = integer("vrrp_rt_priority") {
            let range = realtimeRange
            if !range.contains(priority) {
                let clamped = min(max(priority, range.lowerBound), range.upperBound)
                problems.append("vrrp_rt_priority \(priority) is outside \(range.lowerBound)..\(range.upperBound); \(clamped) is used")
                priority = clamped
            }
            scheduling.realtimePriority = priority
        }
        // The deprecated spelling first, so that the current one wins when both are there.
        for keyword in ["vrrp_rlimit_rtime", "vrrp_rlimit_rttime"] {
            guard let limit = integer(keyword) else { continue }
            // Halved for the soft limit, which must stay above 0.
            if limit >= 1 { scheduling.realtimeLimit = max(limit, 2) } else { problems.append("\(keyword) \(limit) is not positive; ignored") }
        }
        if let words = defs.other["vrrp_no_swap"] { scheduling.lockMemory = ModelAdapter.flagValue(words) }
        if let words = defs.other["vrrp_cpu_affinity"] {
            var cpus: [Int] = []
            for word in words {
                guard let cpu = Int(word), (0..<onlineCPUs).contains(cpu) else {
                    // keepalived empties the whole set at the first bad id.
                    problems.append("vrrp_cpu_affinity: cpu '\(word)' is not one of the \(onlineCPUs) online CPUs; no affinity is set")
                    cpus = []
                    break
                }
                if !cpus.contains(cpu) { cpus.append(cpu) }
            }
            scheduling.cpus = cpus
        }
        if let priority = defs.maxAutoPriority {
            scheduling.maxAutoPriority = min(priority, realtimeRange.upperBound)
        }
        if let delay = integer("min_auto_priority_delay") {
            if (1...10_000_000).contains(delay) {
                scheduling.minAutoPriorityDelay = delay
            } else {
                problems.append("min_auto_priority_delay \(delay) is outside 1..10000000; ignored")
            }
        }
        return (scheduling, problems)
    }
}
