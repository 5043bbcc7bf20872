/// `global_defs { ... }`: keepalived 2.2.7 core/global_parser.c (`init_global_keywords`), plus the
/// keywords later versions added (knownIn227: false).
private typealias R = SchemaRow

extension KeepalivedSchema {
    static let globalDefsRows = BlockSpec(
        "global_defs", nameRequirement: .none, summary: "Global settings.",
        processRows + emailRows + vrrpDefaultRows + firewallRows + fifoRows + schedulingRows + snmpRows
            + bufferRows + lvsRows + newerGlobalRows)

    private static let processRows: [KeywordSpec] = [
        R.flag("process_names", "Name the child processes keepalived_vrrp, keepalived_lvs, keepalived_bfd.", since: "2.0.16"),
        R.value("process_name", "Name of the parent process (< 16 characters).", [R.req("name", .string)], since: "2.0.16"),
        R.value("vrrp_process_name", "Name of the VRRP process.", [R.req("name", .string)], since: "2.0.16"),
        R.value(
            "checker_process_name", "Name of the checker (LVS) process.", [R.req("name", .string)], since: "2.2.0"),
        R.value(
            "lvs_process_name", "Old name of checker_process_name.", [R.req("name", .string)],
            deprecatedBy: "checker_process_name", since: "2.0.16"),
        R.value(
            "bfd_process_name", "Name of the BFD process.", [R.req("name", .string)], since: "2.0.16",
            requires: .bfd),
        R.value("router_id", "Identifies this machine in e-mails and SNMP.", [R.req("id", .string)], default: "host name", since: "1.1.8"),
        R.script("startup_script", "Script run by the parent before the children start.", since: "2.1.0"),
        R.value(
            "startup_script_timeout", "Seconds allowed for startup_script.", [R.req("seconds", .unsigned(1...1000))],
            default: "10", since: "2.1.0"),
        R.script("shutdown_script", "Script run by the parent after the children stop.", since: "2.1.0"),
        R.value(
            "shutdown_script_timeout", "Seconds allowed for shutdown_script.", [R.req("seconds", .unsigned(1...1000))],
            default: "10", since: "2.1.0"),
        R.value(
            "script_user", "Default user (and group) that scripts run as.",
            [R.req("user", .string), R.opt("group", .string)], default: "keepalived_script, else root",
            since: "1.3.0"),
        R.flag("enable_script_security", "Refuse scripts that a non-root user could modify.", since: "1.3.0"),
        R.value(
            "umask", "File creation mask: a number, or IRUSR|IWUSR|... bit names.", [R.some("mask", .string)],
            since: "2.0.9"),
        R.value("random_seed", "Seed for ${_RANDOM}.", [R.req("seed", .unsigned(0...R.uintMax))], since: "2.0.15"),
        R.value(
            "reload_check_config", "Check the new configuration before a reload, logging to the file.",
            [R.opt("log_file", .path)], since: "2.2.0"),
        R.value("reload_time_file", "File holding a time at which to reload.", [R.req("file", .path)], since: "2.1.0"),
        R.flag("reload_repeat", "Repeat the reload at the same time every day.", since: "2.1.0"),
        R.value(
            "reload_file", "File whose presence means a reload was requested.", [R.opt("file", .path)],
            since: "2.2.0"),
        R.value(
            "include_check", "Strictness of `include`: [+|-]read, match, wildcard_match, brace_match; none means all.",
            [R.rest("check", .string)], since: "2.2.0"),
        R.value(
            "config_save_dir", "Directory where a copy of the configuration read is saved.", [R.req("directory", .path)],
            since: "2.2.3"),
        R.value(
            "tmp_config_directory", "Directory for the temporary configuration copy children read.",
            [R.req("directory", .path)], since: "2.2.0"),
        R.toggle("data_use_instance", "Add the instance name to data file names.", since: "2.2.3"),
    ]

    private static let emailRows: [KeywordSpec] = [
        R.valueBlock("notification_email", .word, "E-mail addresses alerts are sent to, one per line."),
        R.value(
            "notification_email_from", "Sender address of alert e-mails.", [R.req("address", .string)],
            default: "keepalived@host name"),
        R.value(
            "smtp_server", "SMTP relay for alert e-mails.", [R.req("server", .host), R.opt("port", .port)],
            default: "port 25"),
        R.value("smtp_helo_name", "Name sent in HELO.", [R.req("name", .string)], default: "host name", since: "1.2.20"),
        R.value(
            "smtp_connect_timeout", "SMTP connect timeout in seconds (0 is raised to 1).",
            [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "30"),
        R.toggle("smtp_alert", "Send e-mail alerts by default.", since: "2.0.0"),
        R.toggle("smtp_alert_vrrp", "Send e-mail alerts for VRRP state changes by default.", since: "2.0.0"),
        R.toggle("smtp_alert_checker", "Send e-mail alerts for checker changes by default.", since: "2.0.0"),
        R.toggle("checker_log_all_failures", "Log every checker failure, not only state changes.", since: "2.0.11"),
        R.flag("no_email_faults", "Send no e-mail on entering FAULT.", since: "2.0.0"),
        R.toggle("no_checker_emails", "Send no e-mail for checker state changes.", since: "2.0.0"),
        R.toggle("rs_init_notifies", "Run real server notify scripts for the initial state.", since: "2.0.0"),
    ]

    private static let vrrpDefaultRows: [KeywordSpec] = [
        R.value(
            "dynamic_interfaces", "Allow interfaces that do not exist yet; `allow_if_changes` tolerates renumbering.",
            [R.opt("option", .enumeration(["allow_if_changes"]))], since: "2.0.0"),
        R.value(
            "default_interface", "Interface for static addresses without `dev`.", [R.req("interface", .interfaceName)],
            default: "eth0", since: "1.2.24"),
        R.flag("disable_local_igmp", "Turn off igmp_link_local_mcast_reports.", since: "2.2.0"),
        R.value(
            "vrrp_mcast_group4", "IPv4 multicast group for adverts.", [R.req("address", .ipv4)], default: "224.0.0.18",
            since: "1.2.10"),
        R.value(
            "vrrp_mcast_group6", "IPv6 multicast group for adverts.", [R.req("address", .ipv6)], default: "ff02::12",
            since: "1.2.10"),
        R.value(
            "vrrp_garp_master_delay", "Seconds before the second gratuitous ARP burst after becoming MASTER (0 = none).",
            [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "5", since: "1.2.20"),
        R.value(
            "vrrp_garp_master_repeat", "Gratuitous ARPs per burst (0 is raised to 1).",
            [R.req("count", .unsigned(0...R.uintMax))], default: "5", since: "1.2.20"),
        R.value(
            "vrrp_garp_master_refresh", "Seconds between periodic gratuitous ARPs while MASTER (0 = off).",
            [R.req("seconds", .unsigned(0...R.uintMax))], default: "0", since: "1.2.20"),
        R.value(
            "vrrp_garp_master_refresh_repeat", "Gratuitous ARPs per refresh (0 is raised to 1).",
            [R.req("count", .unsigned(0...R.uintMax))], default: "1", since: "1.2.20"),
        R.value(
            "vrrp_garp_lower_prio_delay", "Seconds before re-sending gratuitous ARPs after a lower-priority advert.",
            [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "vrrp_garp_master_delay",
            since: "1.2.20"),
        R.value(
            "vrrp_garp_lower_prio_repeat", "Gratuitous ARPs sent after a lower-priority advert.",
            [R.req("count", .unsigned(0...R.intMax))], default: "vrrp_garp_master_repeat", since: "1.2.20"),
        R.value(
            "vrrp_down_timer_adverts", "Adverts missed before a backup takes over.",
            [R.req("count", .unsigned(1...100))], default: "3", since: "2.2.3"),
        R.value(
            "vrrp_garp_interval", "Pause between gratuitous ARPs on one interface.",
            [R.req("seconds", R.seconds(0.000001, 4294.967295))], default: "0", since: "1.2.21"),
        R.value(
            "vrrp_gna_interval", "Pause between unsolicited neighbour advertisements on one interface.",
            [R.req("seconds", R.seconds(0.000001, 4294.967295))], default: "0", since: "1.2.21"),
        R.toggle("vrrp_min_garp", "Send one gratuitous ARP and no repeats or refreshes.", since: "2.0.12"),
        R.value(
            "vrrp_garp_extra_if", "Periodic gratuitous ARPs on the base interfaces of VMACs (`all`: every interface).",
            [R.opt("all", .enumeration(["all"])), R.req("seconds", .unsigned(1...86400))], since: "2.2.3",
            requires: .vrrpVMAC),
        R.value(
            "vrrp_vmac_garp_intvl", "Old name of vrrp_garp_extra_if.",
            [R.opt("all", .enumeration(["all"])), R.req("seconds", .unsigned(1...86400))],
            deprecatedBy: "vrrp_garp_extra_if", since: "2.2.0", requires: .vrrpVMAC),
        R.toggle("vrrp_lower_prio_no_advert", "A MASTER does not answer lower-priority adverts.", since: "1.2.20"),
        R.toggle("vrrp_higher_prio_send_advert", "Send an advert before yielding to a higher priority.", since: "1.3.5"),
        R.value("vrrp_version", "Default VRRP version.", [R.req("version", .unsigned(2...3))], default: "2", since: "1.2.20"),
        R.flag("vrrp_check_unicast_src", "Accept unicast adverts only from configured peers.", since: "1.2.20"),
        R.flag("vrrp_skip_check_adv_addr", "Skip checking the address list of adverts from the current master.", since: "1.2.20"),
        R.flag("vrrp_strict", "Enforce strict RFC conformance (see the strict-mode rules).", since: "1.2.20"),
        R.toggle("vrrp_notify_priority_changes", "Run notify scripts on priority changes.", since: "2.0.16"),
        R.flag("fifo_write_vrrp_states_on_reload", "Write every instance state to the FIFO after a reload.", since: "2.2.5"),
        R.value(
            "vrrp_startup_delay", "Delay before VRRP starts after keepalived starts.",
            [R.req("seconds", R.seconds(0.001, 4294.967295))], since: "2.0.14"),
        R.flag("log_unknown_vrids", "Log adverts for VRIDs that are not configured.", since: "2.0.16"),
        R.value(
            "vmac_prefix", "Prefix of automatic VMAC interface names.", [R.req("prefix", .string)], default: "vrrp",
            since: "2.2.0", requires: .vrrpVMAC),
        R.value(
            "vmac_addr_prefix", "Prefix of VMAC interface names when use_vmac_addr is set.",
            [R.req("prefix", .string)], default: "vrrp", since: "2.2.0", requires: .vrrpVMAC),
        R.value(
            "vrrp_rx_bufs_policy", "Receive buffer sizing: MTU, ADVERT or a size in bytes.", [R.some("policy", .string)],
            since: "2.0.3"),
        R.value(
            "vrrp_rx_bufs_multiplier", "Multiplier for vrrp_rx_bufs_policy.", [R.req("multiplier", .unsigned(1...R.uintMax))],
            default: "3", since: "2.0.3"),
    ]

    private static let firewallRows: [KeywordSpec] = [
        R.value(
            "vrrp_iptables", "Block traffic to VIPs of non-MASTER instances with iptables (nftables fallback).",
            [R.opt("in_chain", .string), R.opt("out_chain", .string)], since: "1.2.20", requires: .firewall),
        R.value(
            "vrrp_ipsets", "ipset names used with vrrp_iptables (none: do not use ipsets).",
            [R.rest("set", .string)], since: "1.2.20", requires: .libipset),
        R.value(
            "nftables", "Block traffic to VIPs of non-MASTER instances with nftables.", [R.opt("table", .string)],
            default: "keepalived", since: "2.0.11", requires: .nftables),
        R.value(
            "nftables_priority", "Priority of the nftables chains.", [R.req("priority", .integer(-2_147_483_648...R.intMax))],
            default: "-1", since: "2.0.11", requires: .nftables),
        R.flag("nftables_ifindex", "Match interfaces by index in nftables rules.", since: "2.0.11", requires: .nftables),
        R.value(
            "nftables_ipvs", "nftables table for IPVS fwmarks.", [R.opt("table", .string)], default: "keepalived_ipvs",
            since: "2.2.2", requires: .nftables),
        R.value(
            "nftables_ipvs_priority", "Priority of the IPVS nftables chain.",
            [R.req("priority", .integer(-2_147_483_648...R.intMax))], since: "2.2.2", requires: .nftables),
        R.value(
            "nftables_ipvs_start_fwmark", "First fwmark keepalived allocates for IPVS.",
            [R.req("fwmark", .unsigned(1...R.uintMax))], default: "1000", since: "2.2.2", requires: .nftables),
        R.flag("nftables_counters", "Add counters to nftables rules.", since: "2.0.11", requires: .nftables),
    ]

    private static let fifoRows: [KeywordSpec] = [
        R.value(
            "notify_fifo", "FIFO receiving every state change.",
            [R.req("fifo", .path), R.opt("user", .string), R.opt("group", .string)], since: "1.3.6"),
        R.script("notify_fifo_script", "Script started to read notify_fifo.", since: "1.3.6"),
        R.value(
            "vrrp_notify_fifo", "FIFO receiving VRRP state changes.",
            [R.req("fifo", .path), R.opt("user", .string), R.opt("group", .string)], since: "1.3.6"),
        R.script("vrrp_notify_fifo_script", "Script started to read vrrp_notify_fifo.", since: "1.3.6"),
        R.value(
            "lvs_notify_fifo", "FIFO receiving checker state changes.",
            [R.req("fifo", .path), R.opt("user", .string), R.opt("group", .string)], since: "1.3.6"),
        R.script("lvs_notify_fifo_script", "Script started to read lvs_notify_fifo.", since: "1.3.6"),
    ]

    private static let schedulingRows: [KeywordSpec] =
        ["vrrp", "checker", "bfd"].flatMap { process -> [KeywordSpec] in
            let feature: BuildFeature? = process == "bfd" ? .bfd : nil
            let since = process == "vrrp" ? "1.2.20" : process == "checker" ? "1.2.20" : "2.0.0"
            return [
                R.value(
                    "\(process)_priority", "Nice value of the \(process) process.",
                    [R.req("nice", .integer(-20...19))], default: "0", since: since, requires: feature),
                R.flag("\(process)_no_swap", "Lock the \(process) process in memory.", since: since, requires: feature),
                R.value(
                    "\(process)_rt_priority", "Real-time (SCHED_RR) priority of the \(process) process.",
                    [R.req("priority", .integer(1...99))], since: "2.0.0", requires: feature
                ).clampingOutOfRange(),
                R.value(
                    "\(process)_cpu_affinity", "CPUs the \(process) process may run on.",
                    [R.some("cpu", .unsigned(0...1023))], since: "2.0.17", requires: feature),
                R.value(
                    "\(process)_rlimit_rttime", "RLIMIT_RTTIME of the \(process) process, in microseconds.",
                    [R.req("microseconds", .unsigned(1...R.uintMax))], default: "10000", since: "2.1.0",
                    requires: feature),
                R.value(
                    "\(process)_rlimit_rtime", "Old spelling of \(process)_rlimit_rttime.",
                    [R.req("microseconds", .unsigned(1...R.uintMax))], deprecatedBy: "\(process)_rlimit_rttime",
                    since: "2.0.0", requires: feature),
            ]
        } + [
            R.value(
                "max_auto_priority", "Cap for automatic real-time priorities (-1 disables; no value: maximum).",
                [R.opt("priority", .integer(-1...99))], default: "0", since: "2.1.0"),
            R.value(
                "min_auto_priority_delay", "Scheduling delay (µs) that triggers an automatic priority raise.",
                [R.req("microseconds", .integer(1...10_000_000))], default: "1000000", since: "2.1.0"),
        ]

    private static let snmpRows: [KeywordSpec] = [
        R.value("snmp_socket", "AgentX socket of the SNMP master agent.", [R.req("socket", .string)], since: "1.2.20", requires: .snmp),
        R.flag("enable_traps", "Send SNMP traps.", since: "1.2.5", requires: .snmp),
        R.flag("enable_snmp_vrrp", "Enable the keepalived VRRP MIB.", since: "2.0.0", requires: .snmpVRRP),
        R.flag(
            "enable_snmp_keepalived", "Old name of enable_snmp_vrrp.", deprecatedBy: "enable_snmp_vrrp",
            since: "1.2.20", requires: .snmpVRRP),
        R.flag("enable_snmp_rfc", "Enable the RFC VRRP MIBs (v2 and v3).", since: "1.2.20", requires: .snmpRFC),
        R.flag("enable_snmp_rfcv2", "Enable the RFC 2787 VRRP MIB.", since: "1.2.20", requires: .snmpRFCv2),
        R.flag("enable_snmp_rfcv3", "Enable the RFC 6527 VRRPv3 MIB.", since: "1.2.20", requires: .snmpRFCv3),
        R.flag("enable_snmp_checker", "Enable the checker MIB.", since: "1.2.20", requires: .snmpChecker),
        R.flag("enable_dbus", "Export VRRP instances on D-Bus.", since: "1.3.0", requires: .dbus),
        R.value(
            "dbus_service_name", "D-Bus service name.", [R.req("name", .string)], default: "org.keepalived.Vrrp1",
            since: "1.3.7", requires: .dbus),
    ]

    private static let bufferRows: [KeywordSpec] =
        ["vrrp_netlink_cmd", "vrrp_netlink_monitor", "lvs_netlink_cmd", "lvs_netlink_monitor", "process_monitor"]
        .flatMap { socket -> [KeywordSpec] in
            let feature: BuildFeature? = socket == "process_monitor" ? .trackProcess : nil
            let since = socket == "process_monitor" ? "2.0.11" : "2.0.0"
            return [
                R.value(
                    "\(socket)_rcv_bufs", "Receive buffer size (bytes) of the \(socket) socket.",
                    [R.req("bytes", .unsigned(0...R.uintMax))], since: since, requires: feature),
                R.toggle(
                    "\(socket)_rcv_bufs_force", "Set the \(socket) buffer size even above rmem_max.", since: since,
                    requires: feature),
            ]
        }

    private static let lvsRows: [KeywordSpec] = [
        R.value(
            "lvs_timeouts", "IPVS connection timeouts: `tcp S`, `tcpfin S`, `udp S` (0..2678400).",
            [R.req("option", .enumeration(["tcp", "tcpfin", "udp"])), R.req("seconds", .unsigned(0...2_678_400)),
             R.rest("more", .string)], since: "1.2.24"),
        R.flag("lvs_flush", "Flush all IPVS services at start.", since: "1.2.23"),
        R.value(
            "lvs_flush_on_stop", "Remove IPVS configuration at stop; `VS` removes only keepalived's services.",
            [R.opt("scope", .enumeration(["VS"]))], since: "2.2.0"),
        R.value(
            "lvs_flush_onstop", "Old spelling of lvs_flush_on_stop.", [R.opt("scope", .enumeration(["VS"]))],
            deprecatedBy: "lvs_flush_on_stop", since: "2.0.15"),
        R.value(
            "lvs_sync_daemon",
            "IPVS sync daemon: IF [inst VRRP_INSTANCE] [id 0..255] [maxlen 1..65507] [port N] [ttl 1..255] [group IP].",
            [R.req("interface", .interfaceName), R.rest("options", .string)], since: "1.2.20"),
    ]

    /// Keywords added after 2.2.7, read from keepalived master (v2.4.3-30).
    private static let newerGlobalRows: [KeywordSpec] = [
        R.flag("v3_checksum_as_v2", "VRRPv3 IPv4 checksum without pseudo-header (interoperability).", since: "2.2.8", knownIn227: false),
        R.value("json_version", "Format of the JSON state dump.", [R.req("version", .unsigned(1...2))], default: "1", since: "2.2.8", knownIn227: false, requires: .json),
        R.toggle("use_symlink_paths", "Do not resolve symbolic links in script paths.", since: "2.3.0", knownIn227: false),
        R.value(
            "snmp_vs_stats_update_interval", "Seconds between refreshes of virtual server SNMP statistics.",
            [R.req("seconds", R.seconds(0.001, 30))], since: "2.3.0", knownIn227: false, requires: .snmpChecker),
        R.value(
            "snmp_rs_stats_update_interval", "Seconds between refreshes of real server SNMP statistics.",
            [R.req("seconds", R.seconds(0.001, 30))], since: "2.3.0", knownIn227: false, requires: .snmpChecker),
        R.value(
            "dbus_no_interface_name", "D-Bus object name for instances without an interface.",
            [R.req("name", .string)], since: "2.3.0", knownIn227: false, requires: .dbus),
        R.value("iproute_usr_dir", "Directory of iproute2's distribution tables.", [R.req("directory", .path)], since: "2.3.2", knownIn227: false),
        R.value("iproute_etc_dir", "Directory of iproute2's local tables.", [R.req("directory", .path)], since: "2.3.2", knownIn227: false),
        R.toggle("vrrp_owner_ignore_adverts", "Address owners ignore adverts from others.", since: "2.3.3", knownIn227: false),
        R.value("state_dump_file", "File for the state dump (SIGUSR1).", [R.req("file", .path)], since: "2.3.3", knownIn227: false),
        R.value("stats_dump_file", "File for the statistics dump (SIGUSR2).", [R.req("file", .path)], since: "2.3.3", knownIn227: false),
        R.value("json_dump_file", "File for the JSON dump.", [R.req("file", .path)], since: "2.3.3", knownIn227: false, requires: .json),
        R.value(
            "vrrp_delay_after_boot", "Delay VRRP start when the system booted less than this long ago.",
            [R.req("seconds", R.seconds(0.001, 4294.967295))], since: "2.4.0", knownIn227: false),
        R.toggle(
            "set_supplementary_groups", "Give scripts the supplementary groups of their user.",
            since: "2.4.4", knownIn227: false),
    ]
}
