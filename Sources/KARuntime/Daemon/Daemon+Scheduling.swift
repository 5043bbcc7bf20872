import Logging

extension Daemon {
    /// keepalived's VRRP process settings (`ProcessScheduling`): at start, on the main thread
    /// before any other thread exists, and after each reload.
    func applyScheduling() {
        for report in scheduling.apply(plan.global.scheduling) { logger.log(level: report.level, "\(report.message)") }
    }

    /// Who hears how late each timer fired: `--metrics`' histogram, and with `max_auto_priority`
    /// the scheduling control. Nobody when neither is on (no call per timer).
    func watchLateness() {
        let metrics = counters.metrics
        guard scheduling.watchesLateness else {
            loop.latenessObserver = metrics.map { metrics in { [unowned metrics] in metrics.recordLateness(microseconds: $0) } }
            return
        }
        loop.latenessObserver = { [unowned self] late in
            metrics?.recordLateness(microseconds: late)
            if let report = self.scheduling.timerFired(late: late, at: MonotonicClock.now().microseconds) {
                self.logger.log(level: report.level, "\(report.message)")
            }
        }
    }

    /// SIGXCPU: the real-time CPU limit's soft half was reached (keepalived logs it too); at the
    /// hard limit the kernel kills the process.
    func realtimeLimitReached() {
        let limit = plan.global.scheduling.realtimeLimit
        logger.warning("SIGXCPU: karun ran \(limit / 2) µs of real-time CPU without blocking; the kernel kills it at \(limit) µs (vrrp_rlimit_rttime)")
    }

}
