import KAVRRP
import Prometheus

/// karun's Prometheus registry (swift-prometheus), one for the daemon's life, made when `--metrics`
/// is on. Used on the loop's thread only, like the daemon.
///
/// What the shell counts goes in as it happens (packets, drops, GARP/NA, transitions, script runs,
/// timer lateness). What lives in the pure engine (KAVRRP's per-instance statistics, states,
/// priorities) is read at scrape time (`Daemon.scrapeMetrics`): gauges are set, and the engine's
/// monotonic counters are added as the difference since the last scrape, because a library counter
/// can only grow; one that went down (an instance rebuilt by a reload) is replaced by a fresh series,
/// which Prometheus reads as a counter reset. KAVRRP imports no metrics library.
///
/// The registry cannot list its series, so this keeps its own index of them: a scrape unregisters
/// the scrape-time series it did not set (a VIP, an instance or a script removed by a reload) and
/// the counted series of instances and scripts that are gone.
final class DaemonMetrics {
    let registry = PrometheusCollectorRegistry()
    let packetsReceived: Counter
    let packetsSent: Counter
    let sendErrors: Counter
    let timerLateness: ValueHistogram
    /// `{iname,intf,vrid}` of a configured instance (nil when none has that name).
    var instanceLabels: (String) -> [(String, String)]? = { _ in nil }

    enum Retention {
        /// Set by every scrape; removed when a scrape does not set it.
        case scrape
        /// Counted; removed when its first labels (`iname`, `intf`, `vrid`) name no configured instance.
        case instance
        /// Counted; removed when its `name` label names no configured script.
        case script
        /// Counted; kept for the daemon's life (transitions and drops of instances since removed).
        case always
    }

    /// A family's label names are fixed, so its label values name a series. One string rather than
    /// an array: the index is per series (14,000 with 500 instances), so it is kept small.
    private struct SeriesKey: Hashable {
        var name: String
        var values: String

        init(_ name: String, _ labels: [(String, String)]) {
            self.name = name
            values = DaemonMetrics.joined(labels[...])
        }
    }

    static func joined(_ labels: ArraySlice<(String, String)>) -> String {
        var text = ""
        for (index, label) in labels.enumerated() {
            if index > 0 { text += "\u{1}" }
            text += label.1
        }
        return text
    }

    private enum Handle {
        case counter(Counter)
        case gauge(Gauge)
    }

    private struct Series {
        var handle: Handle
        var retention: Retention
        /// What `.instance` and `.script` series belong to: the instance's label values, the script's name.
        var owner = ""
        /// The scrape that last set it (`.scrape` series).
        var generation = 0
        /// The engine's value at that scrape (counters read at scrape time).
        var engineValue = 0
    }

    private var series: [SeriesKey: Series] = [:]
    private var generation = 0
    private var currentInstances = Set<String>()
    private var currentScripts = Set<String>()
    /// The last scrape's size: the next one's buffer is reserved at once.
    private var lastSize = 0

    init() {
        packetsReceived = registry.makeCounter(descriptor: MetricFamily.packetsReceived.descriptor)
        packetsSent = registry.makeCounter(descriptor: MetricFamily.packetsSent.descriptor)
        sendErrors = registry.makeCounter(descriptor: MetricFamily.sendErrors.descriptor)
        timerLateness = registry.makeValueHistogram(
            descriptor: MetricFamily.timerLateness.descriptor, buckets: LatenessRecorder.bounds.map { Double($0) / 1e6 })
    }

    // MARK: Counted as it happens

    /// A timer fired `microseconds` after its deadline (`LatenessRecorder`'s buckets, in seconds).
    func recordLateness(microseconds: Int64) {
        timerLateness.record(Double(max(0, microseconds)) / 1e6)
    }

    func drop(_ reason: String, instance: String?, by amount: Int = 1) {
        counter(.drops, [("reason", reason)], .always).increment(by: Int64(amount))
        if let instance, let labels = instanceLabels(instance) {
            counter(.instanceDrops, labels + [("reason", reason)], .instance).increment(by: Int64(amount))
        }
    }

    func transition(instance: String, from: InstanceState, to: InstanceState, reason: String, by amount: Int = 1) {
        let labels = [("iname", instance), ("from", from.description), ("to", to.description), ("reason", reason)]
        counter(.transitions, labels, .always).increment(by: Int64(amount))
    }

    /// Counts against an instance's `{iname,intf,vrid}` series (GARP/NA sent, lower priority heard).
    func count(_ family: MetricFamily, instance: String, by amount: Int = 1) {
        guard let labels = instanceLabels(instance) else { return }
        counter(family, labels, .instance).increment(by: Int64(amount))
    }

    func scriptCounted(_ script: String, _ count: ScriptCount, by amount: Int = 1) {
        let family: MetricFamily = switch count {
        case .run: .scriptRuns
        case .timeout: .scriptTimeouts
        case .skipped: .scriptSkipped
        case .spawnFailure: .scriptSpawnFailures
        }
        counter(family, [("name", script)], .script).increment(by: Int64(amount))
    }

    /// A counted series, made (at zero) the first time.
    func counter(_ family: MetricFamily, _ labels: [(String, String)], _ retention: Retention) -> Counter {
        let key = SeriesKey(family.name, labels)
        if case .counter(let counter)? = series[key]?.handle { return counter }
        let counter = registry.makeCounter(descriptor: family.descriptor, labels: labels)
        let owner = switch retention {
        case .instance: Self.joined(labels.prefix(3))
        case .script: labels.first?.1 ?? ""
        case .scrape, .always: ""
        }
        series[key] = Series(handle: .counter(counter), retention: retention, owner: owner)
        return counter
    }

    // MARK: Read at scrape time

    /// Starts a scrape: what is configured now (instances by `{iname,intf,vrid}`, script names).
    func beginScrape(instances: [[(String, String)]], scripts: [String]) {
        generation += 1
        currentInstances = Set(instances.map { Self.joined($0[...]) })
        currentScripts = Set(scripts)
    }

    func set(_ family: MetricFamily, _ labels: [(String, String)], _ value: Double) {
        let key = SeriesKey(family.name, labels)
        if case .gauge(let gauge)? = series[key]?.handle {
            gauge.set(to: value)
            series[key]?.generation = generation
            return
        }
        let gauge = registry.makeGauge(descriptor: family.descriptor, labels: labels)
        gauge.set(to: value)
        series[key] = Series(handle: .gauge(gauge), retention: .scrape, generation: generation)
    }

    func set(_ family: MetricFamily, _ labels: [(String, String)], _ value: Int) {
        set(family, labels, Double(value))
    }

    /// A counter whose total lives in the engine: adds what it grew since the last scrape.
    func total(_ family: MetricFamily, _ labels: [(String, String)], _ value: Int) {
        let key = SeriesKey(family.name, labels)
        if let existing = series[key], case .counter(let counter) = existing.handle {
            if value >= existing.engineValue {
                counter.increment(by: Int64(value - existing.engineValue))
                series[key]?.engineValue = value
                series[key]?.generation = generation
                return
            }
            // Went down: the engine started this one again; so does the series.
            registry.unregisterCounter(counter)
            series[key] = nil
        }
        let counter = registry.makeCounter(descriptor: family.descriptor, labels: labels)
        counter.increment(by: Int64(max(0, value)))
        series[key] = Series(handle: .counter(counter), retention: .scrape, generation: generation, engineValue: value)
    }

    /// Ends a scrape: drops what is no longer configured, returns the exposition text.
    func endScrape() -> [UInt8] {
        for (key, entry) in series where !isCurrent(entry) {
            switch entry.handle {
            case .counter(let counter): registry.unregisterCounter(counter)
            case .gauge(let gauge): registry.unregisterGauge(gauge)
            }
            series[key] = nil
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lastSize)
        registry.emit(into: &buffer)
        lastSize = buffer.count
        return buffer
    }

    private func isCurrent(_ entry: Series) -> Bool {
        switch entry.retention {
        case .scrape: entry.generation == generation
        case .instance: currentInstances.contains(entry.owner)
        case .script: currentScripts.contains(entry.owner)
        case .always: true
        }
    }
}
