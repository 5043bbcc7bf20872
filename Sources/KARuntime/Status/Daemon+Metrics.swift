#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

extension Daemon {
    /// Opens `--metrics` if asked (a failure is logged; VRRP runs on without metrics) and starts
    /// counting into its registry.
    func openMetricsServer() -> MetricsServer? {
        guard let endpoint = options.metricsEndpoint else { return nil }
        do {
            let server = try MetricsServer(endpoint: endpoint, loop: loop) { [unowned self] in self.scrapeMetrics() }
            startCountingMetrics(DaemonMetrics())
            logger.info("metrics at http://\(endpoint)/metrics")
            return server
        } catch {
            logger.error("metrics \(endpoint) unavailable: \(error)")
            return nil
        }
    }

    /// Hooks the registry to what counts as it happens; what was counted before (scripts run from
    /// `configureTrackers`, before the server opens) is added first.
    func startCountingMetrics(_ metrics: DaemonMetrics) {
        metrics.instanceLabels = { [unowned self] name in self.router.instance(named: name).map(self.metricLabels) }
        metrics.packetsReceived.increment(by: Int64(counters.packetsReceived))
        metrics.packetsSent.increment(by: Int64(counters.packetsSent))
        metrics.sendErrors.increment(by: Int64(counters.sendErrors))
        for (reason, count) in counters.drops { metrics.drop(reason, instance: nil, by: count) }
        for (instance, drops) in counters.instanceDrops {
            for (reason, count) in drops {
                if let labels = metrics.instanceLabels(instance) {
                    metrics.counter(.instanceDrops, labels + [("reason", reason)], .instance).increment(by: Int64(count))
                }
            }
        }
        for (instance, count) in counters.garpSent { metrics.count(.garpSent, instance: instance, by: count) }
        for (instance, count) in counters.naSent { metrics.count(.naSent, instance: instance, by: count) }
        for (instance, count) in counters.lowerPriorityWhileMaster { metrics.count(.lowerPriorityWhileMaster, instance: instance, by: count) }
        for transition in counters.transitions {
            metrics.transition(instance: transition.instance, from: transition.from, to: transition.to, reason: transition.reason)
        }
        for (name, statistics) in scripts.statistics {
            metrics.scriptCounted(name, .run, by: statistics.runs)
            metrics.scriptCounted(name, .timeout, by: statistics.timeouts)
            metrics.scriptCounted(name, .skipped, by: statistics.skipped)
            metrics.scriptCounted(name, .spawnFailure, by: statistics.spawnFailures)
        }
        counters.metrics = metrics
        scripts.onCount = { [unowned self] name, count in self.counters.metrics?.scriptCounted(name, count) }
    }

    /// `{iname,intf,vrid}`, as mehdy/keepalived-exporter labels an instance.
    func metricLabels(_ instance: KAVRRP.VRRPInstance) -> [(String, String)] {
        [("iname", instance.name), ("intf", keepalivedInterfaceName(instance)), ("vrid", String(instance.configuration.virtualRouterID))]
    }

    /// `/metrics`: sets what the engine holds into the registry (DaemonMetrics) and prints it.
    /// Counters count since start (STATS_CLEAR only resets what keepalived's files show).
    func scrapeMetrics() -> [UInt8] {
        guard let metrics = counters.metrics else { return [] }
        let instances = plan.instances.compactMap { router.instance(named: $0.name) }
        let labelSets = instances.map(metricLabels)
        metrics.beginScrape(instances: labelSets, scripts: plan.scripts.map(\.name))
        metrics.set(.up, [], 1)

        for (instance, labels) in zip(instances, labelSets) {
            let state = keepalivedStateNumber(instance.state)
            // keepalived_vrrp_state: one series per VIP, labelled as the exporter parses the VIP text.
            for (family, addresses) in [
                (MetricFamily.vrrpState, instance.configuration.virtualAddresses),
                (MetricFamily.vrrpExcludedState, instance.configuration.excludedVirtualAddresses),
            ] {
                for address in addresses {
                    let words = keepalivedAddressText(address, instance: instance).split(separator: " ")
                    let interface = words.count > 2 ? String(words[2]) : labels[1].1
                    let vipLabels: [(String, String)] = [labels[0], ("intf", interface), labels[2], ("ip_address", String(words[0]))]
                    metrics.set(family, vipLabels, state)
                }
            }
            for (key, value) in rawKeepalivedStats(instance) {
                guard let family = MetricFamily.keepalivedCounterByKey[key] else { continue }
                metrics.total(family, labels, value)
            }
            metrics.total(.garpDelay, labels, Self.wholeSeconds(instance.configuration.gratuitousARP.masterDelay))

            metrics.set(.state, labels, state)
            metrics.set(.wantedState, labels, keepalivedWantState(instance))
            metrics.set(.basePriority, labels, Int(instance.basePriority))
            metrics.set(.effectivePriority, labels, Int(instance.effectivePriority))
            metrics.set(.masterAdvertInterval, labels, Double(instance.masterAdvertisementInterval.microseconds) / 1e6)
            metrics.set(.vipsHeld, labels, instance.holdsAddresses ? 1 : 0)
            if let transition = counters.lastTransition[instance.name] {
                metrics.set(.lastTransition, labels, transition.time)
            }
            // Counted as they happen; a configured instance shows them from zero.
            for family in [MetricFamily.lowerPriorityWhileMaster, .garpSent, .naSent] {
                _ = metrics.counter(family, labels, .instance)
            }
        }
        metrics.total(.unknownVRID, [], router.unknownVirtualRouterIDs)
        for group in plan.syncGroups {
            metrics.set(.syncGroupState, [("name", group.name)], (router.syncGroupState(named: group.name) ?? .initialize).rawValue)
        }

        let scriptStatistics = scripts.statistics
        for script in plan.scripts {
            let labels = [("name", script.name)]
            let statistics = scriptStatistics[script.name] ?? ScriptStatistics()
            switch statistics.result {
            case .unknown: break
            case .up: metrics.set(.scriptStatus, labels, 1)
            case .down: metrics.set(.scriptStatus, labels, 0)
            case .value(let value): metrics.set(.scriptStatus, labels, value == 0 ? 1 : 0)
            }
            metrics.set(.scriptState, labels, statistics.running ? 1 : 0)
            for count in [ScriptCount.run, .timeout, .skipped, .spawnFailure] { metrics.scriptCounted(script.name, count, by: 0) }
            if let duration = statistics.lastDuration {
                metrics.set(.scriptLastDuration, labels, Double(duration.microseconds) / 1e6)
            }
            if let exit = statistics.lastExit {
                let code: Int32 = switch exit {
                case .exited(let code): code
                case .signaled(let signal): 128 + signal
                }
                metrics.set(.scriptLastExit, labels, Int(code))
            }
        }

        metrics.set(.latenessWorst, [], Double(loop.lateness.worstMicroseconds) / 1e6)
        metrics.set(.processStart, [], startedAtWallClock.rounded(.down))
        if let resident = Self.residentMemoryBytes() {
            metrics.set(.processResident, [], resident)
        }
        return metrics.endScrape()
    }

    /// VmRSS from /proc/self/statm (second field, in pages).
    static func residentMemoryBytes() -> Int? {
        guard let fields = SmallFile.text("/proc/self/statm")?.split(separator: " ") else { return nil }
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
