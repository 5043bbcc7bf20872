import Prometheus

/// Every family `/metrics` serves: name and HELP text, defined once (the registry refuses a second
/// registration of a name with another HELP or type). Names and labels are mehdy/keepalived-exporter's
/// where it has one, so its Grafana dashboards work; karun's own are `karun_*`.
struct MetricFamily: Sendable {
    let name: String
    let help: String

    /// The registry's form: the whole name as `metricName` (karun's names are fixed, not composed).
    var descriptor: MetricNameDescriptor { MetricNameDescriptor(metricName: name, unitName: "", helpText: help) }
}

extension MetricFamily {
    // mehdy/keepalived-exporter's.
    static let up = MetricFamily(name: "keepalived_up", help: "Status")
    static let vrrpState = MetricFamily(name: "keepalived_vrrp_state", help: "State of vrrp")
    static let vrrpExcludedState = MetricFamily(name: "keepalived_vrrp_excluded_state", help: "State of vrrp with excluded VIP")
    /// keepalived's stats keys (`rawKeepalivedStats`) → counter families labelled `{iname,intf,vrid}`.
    static let keepalivedCounters: [(key: String, family: MetricFamily)] = [
        ("advert_rcvd", MetricFamily(name: "keepalived_advertisements_received_total", help: "Advertisements received")),
        ("advert_sent", MetricFamily(name: "keepalived_advertisements_sent_total", help: "Advertisements sent")),
        ("become_master", MetricFamily(name: "keepalived_become_master_total", help: "Became master")),
        ("release_master", MetricFamily(name: "keepalived_release_master_total", help: "Released master")),
        ("packet_len_err", MetricFamily(name: "keepalived_packet_length_errors_total", help: "Packet length errors")),
        ("advert_interval_err", MetricFamily(name: "keepalived_advertisements_interval_errors_total", help: "Advertisement interval errors")),
        ("ip_ttl_err", MetricFamily(name: "keepalived_ip_ttl_errors_total", help: "IP TTL errors")),
        ("invalid_type_rcvd", MetricFamily(name: "keepalived_invalid_type_received_total", help: "Invalid type errors")),
        ("addr_list_err", MetricFamily(name: "keepalived_address_list_errors_total", help: "Address list errors")),
        ("invalid_authtype", MetricFamily(name: "keepalived_authentication_invalid_total", help: "Authentication invalid")),
        ("authtype_mismatch", MetricFamily(name: "keepalived_authentication_mismatch_total", help: "Authentication mismatch")),
        ("auth_failure", MetricFamily(name: "keepalived_authentication_failure_total", help: "Authentication failure")),
        ("pri_zero_rcvd", MetricFamily(name: "keepalived_priority_zero_received_total", help: "Priority zero received")),
        ("pri_zero_sent", MetricFamily(name: "keepalived_priority_zero_sent_total", help: "Priority zero sent")),
    ]
    static let keepalivedCounterByKey = [String: MetricFamily](uniqueKeysWithValues: keepalivedCounters.map { ($0.key, $0.family) })
    static let garpDelay = MetricFamily(name: "keepalived_gratuitous_arp_delay_total", help: "Gratuitous ARP delay")
    static let scriptStatus = MetricFamily(name: "keepalived_script_status", help: "Tracker Script Status")
    static let scriptState = MetricFamily(name: "keepalived_script_state", help: "Tracker Script State")

    // karun's own, read from the engine at scrape time.
    static let state = MetricFamily(name: "karun_vrrp_state", help: "Instance state: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 97 DELETED, 98 STOP")
    static let wantedState = MetricFamily(name: "karun_vrrp_wanted_state", help: "State the instance wants (keepalived's wantstate)")
    static let basePriority = MetricFamily(name: "karun_vrrp_base_priority", help: "Configured priority")
    static let effectivePriority = MetricFamily(name: "karun_vrrp_effective_priority", help: "Priority after tracker weights")
    static let masterAdvertInterval = MetricFamily(
        name: "karun_vrrp_master_advert_interval_seconds", help: "Advert interval of the current master (learned in v3)")
    static let vipsHeld = MetricFamily(name: "karun_vrrp_vips_held", help: "1 while the instance's VIPs, routes and rules are installed")
    static let lastTransition = MetricFamily(
        name: "karun_vrrp_last_transition_timestamp_seconds", help: "Wall-clock time of the last state change")
    static let unknownVRID = MetricFamily(name: "karun_unknown_vrid_total", help: "Adverts for a VRID no instance uses")
    static let syncGroupState = MetricFamily(name: "karun_sync_group_state", help: "Sync group state (as karun_vrrp_state)")
    static let scriptLastDuration = MetricFamily(
        name: "karun_script_last_duration_seconds", help: "Duration of the last finished vrrp_script run")
    static let scriptLastExit = MetricFamily(
        name: "karun_script_last_exit_code", help: "Exit code of the last run (128+N when killed by signal N)")
    static let latenessWorst = MetricFamily(name: "karun_timer_lateness_worst_seconds", help: "Worst timer lateness since start")
    static let processStart = MetricFamily(
        name: "process_start_time_seconds", help: "Start time of the process since unix epoch in seconds")
    static let processResident = MetricFamily(name: "process_resident_memory_bytes", help: "Resident memory size in bytes")

    // karun's own, counted as they happen.
    static let transitions = MetricFamily(name: "karun_transitions_total", help: "State changes by old state, new state and reason")
    static let lowerPriorityWhileMaster = MetricFamily(
        name: "karun_lower_priority_while_master_total", help: "Adverts of lower priority heard while MASTER (both sides master)")
    static let garpSent = MetricFamily(name: "karun_gratuitous_arp_sent_total", help: "Gratuitous ARP requests sent")
    static let naSent = MetricFamily(name: "karun_unsolicited_na_sent_total", help: "Unsolicited neighbour advertisements sent")
    static let instanceDrops = MetricFamily(name: "karun_instance_drops_total", help: "Adverts an instance dropped, by reason")
    static let drops = MetricFamily(
        name: "karun_drops_total", help: "Packets dropped, by reason (all instances and those matching none)")
    static let packetsReceived = MetricFamily(name: "karun_packets_received_total", help: "VRRP packets received")
    static let packetsSent = MetricFamily(name: "karun_packets_sent_total", help: "VRRP packets sent")
    static let sendErrors = MetricFamily(name: "karun_send_errors_total", help: "VRRP packets that could not be sent")
    static let scriptRuns = MetricFamily(name: "karun_script_runs_total", help: "vrrp_script runs started")
    static let scriptTimeouts = MetricFamily(name: "karun_script_timeouts_total", help: "vrrp_script runs killed at their timeout")
    static let scriptSkipped = MetricFamily(
        name: "karun_script_skipped_total", help: "vrrp_script intervals skipped while the previous run went on")
    static let scriptSpawnFailures = MetricFamily(name: "karun_script_spawn_failures_total", help: "vrrp_script runs that could not start")
    static let timerLateness = MetricFamily(name: "karun_timer_lateness_seconds", help: "How late loop timers fired")
}
