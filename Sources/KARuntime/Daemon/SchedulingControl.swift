#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime
import Logging

/// Puts `ProcessScheduling` on the running process as keepalived 2.2.7 puts it on its VRRP process
/// (lib/process.c), on the main thread before any other thread exists (threads made later inherit
/// it): a real-time priority replaces the nice value; scripts never inherit SCHED_RR
/// (SCHED_RESET_ON_FORK). A reload applies the new settings and undoes those it no longer asks for.
/// With `max_auto_priority`, a timer that fires later than `min_auto_priority_delay` turns SCHED_RR
/// on at priority 1, or raises it by one up to the maximum, as keepalived's scheduler does.
final class SchedulingControl {
    struct Report: Equatable {
        var level: Logger.Level
        var message: String
    }

    private let originalNice: Int32
    private let originalCPUs: [Int32]
    private let originalRealtimeLimit: (soft: UInt64, hard: UInt64)
    private(set) var settings = ProcessScheduling()
    /// The SCHED_RR priority in force, configured or raised automatically (0: none).
    private(set) var realtimePriority = 0
    private var locked = false
    private var affinitySet = false
    /// When (monotonic µs) the last automatic raise happened: the loop reports every late timer of
    /// a pass, and a raise needs one delay's time to show, so at most one raise per delay.
    private var lastRaise: Int64?

    init() {
        var nice: Int32 = 0
        _ = ckaruntime_get_nice(&nice)
        originalNice = nice
        var cpus = [Int32](repeating: 0, count: 1024)
        let count = ckaruntime_get_affinity(&cpus, Int32(cpus.count))
        originalCPUs = count > 0 ? Array(cpus[..<Int(count)]) : []
        var soft: UInt64 = 0
        var hard: UInt64 = 0
        _ = ckaruntime_get_rttime_limit(&soft, &hard)
        originalRealtimeLimit = (soft, hard)
    }

    /// Applies `wanted`; what it did and what failed, to log.
    func apply(_ wanted: ProcessScheduling) -> [Report] {
        var reports: [Report] = []
        func failed(_ what: String) { reports.append(Report(level: .warning, message: "\(what): \(String(cString: strerror(errno)))")) }

        if let priority = wanted.realtimePriority {
            if ckaruntime_set_realtime(Int32(priority)) == 0 {
                realtimePriority = priority
                reports.append(Report(level: .info, message: "real-time scheduling: SCHED_RR priority \(priority)"))
                limitRealtime(wanted.realtimeLimit, &reports)
            } else {
                failed("cannot set real-time priority \(priority) (vrrp_rt_priority)")
            }
        } else if realtimePriority > 0 {
            // A reload that no longer asks for it (or an automatic raise before the reload).
            if ckaruntime_set_realtime(0) == 0 {
                realtimePriority = 0
                _ = ckaruntime_set_rttime_limit(originalRealtimeLimit.soft, originalRealtimeLimit.hard)
                reports.append(Report(level: .info, message: "real-time scheduling off"))
            } else {
                failed("cannot leave real-time scheduling")
            }
        }
        if wanted.realtimePriority == nil {
            let nice = wanted.nice.map(Int32.init) ?? originalNice
            var current: Int32 = 0
            if ckaruntime_get_nice(&current) != 0 || current != nice {
                if ckaruntime_set_nice(nice) == 0 {
                    if wanted.nice != nil { reports.append(Report(level: .info, message: "nice \(nice) (vrrp_priority)")) }
                } else {
                    failed("cannot set nice \(nice) (vrrp_priority)")
                }
            }
        }
        if wanted.lockMemory != locked {
            if ckaruntime_lock_memory(wanted.lockMemory ? 1 : 0) == 0 {
                locked = wanted.lockMemory
                reports.append(Report(level: .info, message: locked ? "memory locked (vrrp_no_swap)" : "memory unlocked"))
            } else {
                failed(wanted.lockMemory ? "cannot lock memory (vrrp_no_swap)" : "cannot unlock memory")
            }
        }
        if !wanted.cpus.isEmpty || affinitySet {
            let cpus = wanted.cpus.isEmpty ? originalCPUs : wanted.cpus.map(Int32.init)
            if ckaruntime_set_affinity(cpus, Int32(cpus.count)) == 0 {
                affinitySet = !wanted.cpus.isEmpty
                if affinitySet { reports.append(Report(level: .info, message: "CPU affinity \(wanted.cpus.map(String.init).joined(separator: " ")) (vrrp_cpu_affinity)")) }
            } else {
                failed("cannot set CPU affinity \(cpus.map(String.init).joined(separator: " ")) (vrrp_cpu_affinity)")
            }
        }
        settings = wanted
        return reports
    }

    /// Whether late timers are watched at all (the loop then reports each timer's lateness).
    var watchesLateness: Bool { settings.maxAutoPriority > 0 }

    /// A timer fired `microseconds` late at `now` (monotonic µs): past `min_auto_priority_delay`,
    /// SCHED_RR goes on or up by one (to `max_auto_priority`). The report to log, or nil when
    /// nothing changed.
    func timerFired(late microseconds: Int64, at now: Int64) -> Report? {
        let delay = Int64(settings.minAutoPriorityDelay)
        guard settings.maxAutoPriority > 0, microseconds > delay, realtimePriority < settings.maxAutoPriority,
              lastRaise.map({ now - $0 > delay }) ?? true else { return nil }
        lastRaise = now
        let next = realtimePriority == 0 ? ProcessScheduling.realtimeRange.lowerBound : realtimePriority + 1
        let late = "a timer fired \(microseconds / 1_000_000).\(String(microseconds % 1_000_000).leftPadded(to: 6)) s late"
        guard ckaruntime_set_realtime(Int32(next)) == 0 else {
            return Report(level: .warning, message: "\(late); cannot set real-time priority \(next): \(String(cString: strerror(errno)))")
        }
        var reports: [Report] = []
        if realtimePriority == 0 { limitRealtime(settings.realtimeLimit, &reports) }
        realtimePriority = next
        let extra = reports.map { "; " + $0.message }.joined()
        return Report(level: .info, message: "\(late): real-time priority \(next) (max_auto_priority \(settings.maxAutoPriority))\(extra)")
    }

    /// RLIMIT_RTTIME as keepalived sets it: SIGXCPU (a warning) at half the limit, SIGKILL at it.
    private func limitRealtime(_ limit: Int, _ reports: inout [Report]) {
        guard ckaruntime_set_rttime_limit(UInt64(limit / 2), UInt64(limit)) == 0 else {
            reports.append(Report(level: .warning, message: "cannot set the real-time CPU limit (vrrp_rlimit_rttime \(limit)): \(String(cString: strerror(errno)))"))
            return
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
