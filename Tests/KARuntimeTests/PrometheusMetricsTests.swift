import KAVRRP
import Testing
@testable import KARuntime

/// karun's Prometheus registry (DaemonMetrics over swift-prometheus) and the text it prints,
/// read back by a strict parser (Support/Exposition.swift).
struct PrometheusMetricsTests {
    static let instance = [("iname", "VI_1"), ("intf", "eth0"), ("vrid", "51")]

    static func makeMetrics() -> DaemonMetrics {
        let metrics = DaemonMetrics()
        metrics.instanceLabels = { $0 == "VI_1" ? instance : nil }
        return metrics
    }

    static func scrape(_ metrics: DaemonMetrics, instances: [[(String, String)]] = [instance], scripts: [String] = ["chk"],
                       _ body: (DaemonMetrics) -> Void = { _ in }) -> Exposition {
        metrics.beginScrape(instances: instances, scripts: scripts)
        body(metrics)
        let exposition = Exposition(String(decoding: metrics.endScrape(), as: UTF8.self))
        #expect(exposition.problems == [])
        return exposition
    }

    @Test func countsAsTheyHappenAndReadsTheEngineAtScrapeTime() {
        let metrics = Self.makeMetrics()
        metrics.drop("auth", instance: "VI_1")
        metrics.drop("auth", instance: "VI_1")
        metrics.drop("checksum", instance: nil)
        metrics.drop("auth", instance: "gone")
        metrics.transition(instance: "VI_1", from: .backup, to: .master, reason: "master-down-timer")
        metrics.count(.garpSent, instance: "VI_1", by: 5)
        metrics.scriptCounted("chk", .run)
        metrics.packetsSent.increment()
        let advertsSent = MetricFamily.keepalivedCounterByKey["advert_sent"]!
        let vip = Self.instance + [("ip_address", "192.0.2.1/24")]

        let first = Self.scrape(metrics) {
            $0.set(.up, [], 1)
            $0.set(.vrrpState, vip, 2)
            $0.total(advertsSent, Self.instance, 5)
            $0.set(.scriptStatus, [("name", "q\"\\\n")], 1)
        }
        #expect(first.value("keepalived_up") == 1)
        #expect(first.value("keepalived_vrrp_state", vip) == 2)
        #expect(first.value("keepalived_advertisements_sent_total", Self.instance) == 5)
        #expect(first.value("karun_instance_drops_total", Self.instance + [("reason", "auth")]) == 2)
        #expect(first.value("karun_drops_total", [("reason", "auth")]) == 3)
        #expect(first.value("karun_drops_total", [("reason", "checksum")]) == 1)
        #expect(first.value("karun_transitions_total", [
            ("iname", "VI_1"), ("from", "BACKUP"), ("to", "MASTER"), ("reason", "master-down-timer"),
        ]) == 1)
        #expect(first.value("karun_gratuitous_arp_sent_total", Self.instance) == 5)
        #expect(first.value("karun_script_runs_total", [("name", "chk")]) == 1)
        #expect(first.value("karun_packets_sent_total") == 1)
        #expect(first.value("keepalived_script_status", [("name", "q\"\\\n")]) == 1, "label value escaped and read back")
        #expect(first.types["keepalived_advertisements_sent_total"] == "counter")
        #expect(first.helps["keepalived_vrrp_state"] == "State of vrrp")

        // The engine's counter grew by 3: the series shows 8. The VIP and the script status were
        // not set by this scrape: gone.
        let second = Self.scrape(metrics) { $0.total(advertsSent, Self.instance, 8) }
        #expect(second.value("keepalived_advertisements_sent_total", Self.instance) == 8)
        #expect(second.value("keepalived_vrrp_state", vip) == nil)
        #expect(second.types["keepalived_script_status"] == nil, "a family without series is not printed")
        #expect(second.value("karun_gratuitous_arp_sent_total", Self.instance) == 5)

        // The engine started again (an instance rebuilt by a reload): a new series from its value.
        let third = Self.scrape(metrics) { $0.total(advertsSent, Self.instance, 2) }
        #expect(third.value("keepalived_advertisements_sent_total", Self.instance) == 2)

        // Instance and script removed: their counted series go, transitions and global drops stay.
        let fourth = Self.scrape(metrics, instances: [], scripts: [])
        #expect(fourth.value("karun_gratuitous_arp_sent_total", Self.instance) == nil)
        #expect(fourth.value("karun_instance_drops_total", Self.instance + [("reason", "auth")]) == nil)
        #expect(fourth.value("karun_script_runs_total", [("name", "chk")]) == nil)
        #expect(fourth.value("karun_drops_total", [("reason", "auth")]) == 3)
        #expect(fourth.value("karun_transitions_total", [
            ("iname", "VI_1"), ("from", "BACKUP"), ("to", "MASTER"), ("reason", "master-down-timer"),
        ]) == 1)
    }

    /// The timer-lateness histogram has LatenessRecorder's bounds, in seconds.
    @Test func latenessHistogramUsesTheRecorderBounds() {
        let metrics = Self.makeMetrics()
        for microseconds: Int64 in [50, 100, 700, 2_000_000, -5] { metrics.recordLateness(microseconds: microseconds) }
        let exposition = Self.scrape(metrics)
        #expect(exposition.types["karun_timer_lateness_seconds"] == "histogram")
        let buckets = exposition.samples(of: "karun_timer_lateness_seconds").filter { $0.name.hasSuffix("_bucket") }
        let bounds = buckets.compactMap { $0.labels.first { $0.0 == "le" }.flatMap { Exposition.number($0.1) } }
        #expect(bounds == LatenessRecorder.bounds.map { Double($0) / 1e6 } + [.infinity])
        #expect(exposition.value("karun_timer_lateness_seconds_bucket", [("le", "0.0001")]) == 3)
        #expect(exposition.value("karun_timer_lateness_seconds_bucket", [("le", "0.001")]) == 4)
        #expect(exposition.value("karun_timer_lateness_seconds_bucket", [("le", "+Inf")]) == 5)
        #expect(exposition.value("karun_timer_lateness_seconds_count") == 5)
        #expect(abs((exposition.value("karun_timer_lateness_seconds_sum") ?? 0) - 2.00085) < 1e-9)
    }

    /// The parser the lab tests rely on refuses what a scraper refuses.
    @Test func expositionParserFindsBrokenText() {
        let valid = """
            # HELP a_total A
            # TYPE a_total counter
            a_total{x="1"} 3
            a_total{x="2"} 4
            # TYPE h histogram
            h_bucket{le="1"} 1
            h_bucket{le="+Inf"} 2
            h_sum 1.5
            h_count 2

            """
        #expect(Exposition(valid).problems == [])
        let broken: [String: String] = [
            "sample before TYPE": "b 1\n# TYPE b gauge\n",
            "duplicate series": "# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n",
            "family split": "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# HELP a again\n",
            "not cumulative": "# TYPE h histogram\nh_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n",
            "+Inf not count": "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n",
            "no +Inf": "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_sum 1\nh_count 2\n",
            "bad escape": "# TYPE a gauge\na{x=\"\\t\"} 1\n",
            "bad value": "# TYPE a gauge\na one\n",
            "two TYPE lines": "# TYPE a gauge\n# TYPE a counter\na 1\n",
            "no final line feed": "# TYPE a gauge\na 1",
        ]
        for (what, text) in broken {
            #expect(!Exposition(text).problems.isEmpty, "\(what) not found")
        }
    }

    /// Every family `/metrics` served before it used swift-prometheus, with its type, HELP and
    /// label names: dashboards depend on them (StatusSurfacesTests checks a live scrape against this).
    static let families: [String: (type: String, help: String, labels: [String])] = {
        let instance = ["iname", "intf", "vrid"]
        var table: [String: (type: String, help: String, labels: [String])] = [
            "keepalived_up": ("gauge", "Status", []),
            "keepalived_vrrp_state": ("gauge", "State of vrrp", instance + ["ip_address"]),
            "keepalived_vrrp_excluded_state": ("gauge", "State of vrrp with excluded VIP", instance + ["ip_address"]),
            "keepalived_gratuitous_arp_delay_total": ("counter", "Gratuitous ARP delay", instance),
            "keepalived_script_status": ("gauge", "Tracker Script Status", ["name"]),
            "keepalived_script_state": ("gauge", "Tracker Script State", ["name"]),
            "karun_vrrp_state": ("gauge", "Instance state: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 97 DELETED, 98 STOP", instance),
            "karun_vrrp_wanted_state": ("gauge", "State the instance wants (keepalived's wantstate)", instance),
            "karun_vrrp_base_priority": ("gauge", "Configured priority", instance),
            "karun_vrrp_effective_priority": ("gauge", "Priority after tracker weights", instance),
            "karun_vrrp_master_advert_interval_seconds": ("gauge", "Advert interval of the current master (learned in v3)", instance),
            "karun_vrrp_vips_held": ("gauge", "1 while the instance's VIPs, routes and rules are installed", instance),
            "karun_vrrp_last_transition_timestamp_seconds": ("gauge", "Wall-clock time of the last state change", instance),
            "karun_transitions_total": ("counter", "State changes by old state, new state and reason", ["iname", "from", "to", "reason"]),
            "karun_lower_priority_while_master_total": (
                "counter", "Adverts of lower priority heard while MASTER (both sides master)", instance),
            "karun_gratuitous_arp_sent_total": ("counter", "Gratuitous ARP requests sent", instance),
            "karun_unsolicited_na_sent_total": ("counter", "Unsolicited neighbour advertisements sent", instance),
            "karun_instance_drops_total": ("counter", "Adverts an instance dropped, by reason", instance + ["reason"]),
            "karun_drops_total": ("counter", "Packets dropped, by reason (all instances and those matching none)", ["reason"]),
            "karun_packets_received_total": ("counter", "VRRP packets received", []),
            "karun_packets_sent_total": ("counter", "VRRP packets sent", []),
            "karun_send_errors_total": ("counter", "VRRP packets that could not be sent", []),
            "karun_unknown_vrid_total": ("counter", "Adverts for a VRID no instance uses", []),
            "karun_sync_group_state": ("gauge", "Sync group state (as karun_vrrp_state)", ["name"]),
            "karun_script_runs_total": ("counter", "vrrp_script runs started", ["name"]),
            "karun_script_timeouts_total": ("counter", "vrrp_script runs killed at their timeout", ["name"]),
            "karun_script_skipped_total": ("counter", "vrrp_script intervals skipped while the previous run went on", ["name"]),
            "karun_script_spawn_failures_total": ("counter", "vrrp_script runs that could not start", ["name"]),
            "karun_script_last_duration_seconds": ("gauge", "Duration of the last finished vrrp_script run", ["name"]),
            "karun_script_last_exit_code": ("gauge", "Exit code of the last run (128+N when killed by signal N)", ["name"]),
            "karun_timer_lateness_seconds": ("histogram", "How late loop timers fired", []),
            "karun_timer_lateness_worst_seconds": ("gauge", "Worst timer lateness since start", []),
            "process_start_time_seconds": ("gauge", "Start time of the process since unix epoch in seconds", []),
            "process_resident_memory_bytes": ("gauge", "Resident memory size in bytes", []),
        ]
        for (name, help) in [
            ("keepalived_advertisements_received_total", "Advertisements received"),
            ("keepalived_advertisements_sent_total", "Advertisements sent"),
            ("keepalived_become_master_total", "Became master"),
            ("keepalived_release_master_total", "Released master"),
            ("keepalived_packet_length_errors_total", "Packet length errors"),
            ("keepalived_advertisements_interval_errors_total", "Advertisement interval errors"),
            ("keepalived_ip_ttl_errors_total", "IP TTL errors"),
            ("keepalived_invalid_type_received_total", "Invalid type errors"),
            ("keepalived_address_list_errors_total", "Address list errors"),
            ("keepalived_authentication_invalid_total", "Authentication invalid"),
            ("keepalived_authentication_mismatch_total", "Authentication mismatch"),
            ("keepalived_authentication_failure_total", "Authentication failure"),
            ("keepalived_priority_zero_received_total", "Priority zero received"),
            ("keepalived_priority_zero_sent_total", "Priority zero sent"),
        ] {
            table[name] = ("counter", help, instance)
        }
        return table
    }()

    /// Problems of a scrape against `families`: unknown families, another type, HELP or label set.
    static func compareWithFamilies(_ exposition: Exposition) -> [String] {
        var problems: [String] = []
        for (name, type) in exposition.types {
            guard let expected = families[name] else {
                problems.append("unknown family \(name)")
                continue
            }
            if type != expected.type { problems.append("\(name): \(type), not \(expected.type)") }
            if exposition.helps[name] != expected.help { problems.append("\(name): HELP \(exposition.helps[name] ?? "none")") }
            for sample in exposition.samples(of: name) {
                let labels = Set(sample.labels.map(\.0).filter { $0 != "le" || type != "histogram" })
                if labels != Set(expected.labels) { problems.append("\(name): labels \(labels.sorted())") }
            }
        }
        return problems
    }
}
