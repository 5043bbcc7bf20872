/// `vrrp_instance NAME { ... }` and its keyword sub-blocks: keepalived 2.2.7 vrrp/vrrp_parser.c
/// (`init_vrrp_keywords`), plus the keywords later versions added (knownIn227: false).
private typealias R = SchemaRow

extension KeepalivedSchema {
    static let vrrpInstanceRows = BlockSpec(
        "vrrp_instance", nameRequirement: .required, summary: "One VRRP virtual router.",
        identityRows + addressRows + trackingRows + timingRows + notifyRows + otherInstanceRows + newerInstanceRows)

    static let authenticationRows = BlockSpec(
        "authentication", nameRequirement: .none, summary: "VRRPv2 authentication (RFC 2338; not in RFC 3768).",
        [
            R.value("auth_type", "Authentication type.", [R.req("type", .enumeration(["PASS", "AH"]))]),
            R.value("auth_pass", "Password; only the first 8 characters are used.", [R.req("password", .string)]),
        ])

    static let authHMACRows = BlockSpec(
        "auth_hmac", nameRequirement: .none, summary: "HMAC-SHA256 authentication of adverts (keepalived extension).",
        [
            R.value(
                "key", "A key: ID and value (text, `hex:...` or `file:PATH`; 32..64 bytes).",
                [R.req("id", .unsigned(1...255)), R.req("key", .string)], since: "2.4.0", knownIn227: false,
                repeatable: true),
            R.value("active_key", "ID of the key used to sign.", [R.req("id", .unsigned(1...255))], since: "2.4.0", knownIn227: false),
            R.value(
                "time_window", "Seconds an advert's timestamp may differ.", [R.req("seconds", .unsigned(1...300))],
                default: "max(3 × advert_int, 5)", since: "2.4.0", knownIn227: false),
            R.value(
                "anti_replay", "Clock used against replays.", [R.req("clock", .enumeration(["time", "monotonic"]))],
                default: "time", since: "2.4.0", knownIn227: false),
            R.value(
                "mode", "What to do with unsigned or badly signed adverts.",
                [R.req("mode", .enumeration(["enforce", "permissive", "receive-only"]))], default: "enforce",
                since: "2.4.0", knownIn227: false),
        ])

    private static let identityRows: [KeywordSpec] = [
        R.value(
            "state", "Initial state; MASTER also makes priority default to 255.",
            [R.req("state", .enumeration(["MASTER", "BACKUP"]))], default: "MASTER if priority is 255, else BACKUP"),
        R.value("interface", "Interface adverts are sent and received on.", [R.req("interface", .interfaceName)]),
        R.value(
            "vrf", "VRF for a unicast instance without `interface`.", [R.req("vrf", .interfaceName)], since: "2.2.5",
            requires: .vrf),
        R.value("virtual_router_id", "VRID, unique per interface and family.", [R.req("vrid", .unsigned(1...255))]),
        R.value("priority", "Priority; 255 means address owner.", [R.req("priority", .unsigned(1...255))], default: "100 (255 with state MASTER)"),
        R.value(
            "advert_int", "Advertisement interval in seconds (v2: whole seconds; v3: centiseconds).",
            [R.req("seconds", R.seconds(0.01, 255))], default: "1"),
        R.value("version", "VRRP version.", [R.req("version", .unsigned(2...3))], default: "vrrp_version (2)", since: "1.2.17"),
        R.flag("native_ipv6", "Force an IPv6 instance.", since: "1.2.1"),
        R.value("mcast_src_ip", "Source address of adverts.", [R.req("address", .ipAddress)]),
        R.value("unicast_src_ip", "Source address of unicast adverts.", [R.req("address", .ipAddress)], since: "1.2.10"),
        R.value(
            "mcast_dst_ip", "Multicast group of this instance.", [R.req("address", .ipAddress)],
            default: "224.0.0.18 / ff02::12", since: "2.2.5"),
        R.valueBlock("unicast_peer", .unicastPeer, "Peers adverts are sent to by unicast.", since: "1.2.8"),
        R.value("unicast_ttl", "TTL of unicast adverts.", [R.req("ttl", .unsigned(0...255))], since: "2.1.0"),
        R.flag("unicast_fault_no_peer", "Go to FAULT rather than multicast when there are no peers.", since: "2.2.5"),
        R.flag("check_unicast_src", "Accept unicast adverts only from configured peers.", since: "2.1.0"),
        R.value(
            "old_unicast_checksum", "Pre-1.3.6 unicast checksum compatibility (`never`: do not auto-detect).",
            [R.opt("mode", .enumeration(["never"]))], since: "1.3.7", requires: .oldChecksumCompat),
    ]

    private static let addressRows: [KeywordSpec] = [
        R.valueBlock("virtual_ipaddress", .address, "Addresses the MASTER holds and advertises."),
        R.valueBlock("virtual_ipaddress_excluded", .address, "Addresses the MASTER holds but does not advertise."),
        R.valueBlock("virtual_routes", .route, "Routes added while MASTER."),
        R.valueBlock("virtual_rules", .rule, "Policy routing rules added while MASTER.", since: "1.2.20"),
        R.flag("promote_secondaries", "Set promote_secondaries on the interface.", since: "1.3.0"),
        R.value(
            "use_vmac", "Use a macvlan with the VRRP MAC: [IFNAME] [MAC].",
            [R.opt("interface", .string), R.opt("mac", .string)], since: "1.2.3", requires: .vrrpVMAC),
        R.flag("use_vmac_addr", "Give the VMAC interface an address.", since: "2.2.0", requires: .vrrpVMAC),
        R.flag("vmac_xmit_base", "Send and receive adverts on the base interface of the VMAC.", since: "1.2.10", requires: .vrrpVMAC),
        R.value(
            "use_ipvlan", "Use an ipvlan interface: [IFNAME] [ADDRESS/PREFIX] [bridge|private|vepa].",
            [R.rest("options", .string)], since: "2.0.17", requires: .vrrpIPVLAN),
    ]

    private static let trackingRows: [KeywordSpec] = [
        R.flag("dont_track_primary", "Ignore faults of the instance's own interface.", since: "1.1.8"),
        R.flag("track_src_ip", "Go to FAULT if the source address disappears.", since: "2.0.0"),
        R.valueBlock("track_interface", .trackInterface, "Interfaces whose state changes priority or causes FAULT."),
        R.valueBlock("track_script", .trackObject, "vrrp_scripts (defined above) that change priority or cause FAULT.", since: "1.1.13"),
        R.valueBlock("track_file", .trackObject, "track_files (defined above) that change priority or cause FAULT.", since: "2.0.0"),
        R.valueBlock(
            "track_process", .trackObject, "vrrp_track_processes (defined above) that change priority or cause FAULT.",
            since: "2.0.11", requires: .trackProcess),
        R.valueBlock(
            "track_bfd", .trackObject, "bfd_instances (defined above) that change priority or cause FAULT.",
            since: "2.0.0", requires: .bfd),
        R.flag(
            "linkbeat_use_polling", "Old per-instance link polling.", deprecatedBy: "linkbeat_interfaces",
            since: "2.0.0", requires: .linkbeat),
    ]

    private static let timingRows: [KeywordSpec] = [
        R.flag("nopreempt", "Do not take over from a lower-priority MASTER.", since: "1.1.8"),
        R.flag("preempt", "Preempt (the default); clears nopreempt."),
        R.value(
            "preempt_delay", "Seconds to wait before preempting after start.", [R.req("seconds", R.seconds(0, 1000))],
            default: "0", since: "1.1.8"),
        R.value(
            "garp_master_delay", "Seconds before the second gratuitous ARP burst.",
            [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "vrrp_garp_master_delay (5)"),
        R.value(
            "garp_master_repeat", "Gratuitous ARPs per burst (0 is raised to 1).", [R.req("count", .unsigned(0...R.uintMax))],
            default: "vrrp_garp_master_repeat (5)", since: "1.2.14"),
        R.value(
            "garp_master_refresh", "Seconds between periodic gratuitous ARPs (0 = off).",
            [R.req("seconds", .unsigned(0...R.uintMax))], default: "vrrp_garp_master_refresh (0)", since: "1.2.10"),
        R.value(
            "garp_master_refresh_repeat", "Gratuitous ARPs per refresh (0 is raised to 1).",
            [R.req("count", .unsigned(0...R.uintMax))], default: "1", since: "1.2.14"),
        R.value(
            "garp_lower_prio_delay", "Seconds before gratuitous ARPs after a lower-priority advert.",
            [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "vrrp_garp_lower_prio_delay",
            since: "1.2.20"),
        R.value(
            "garp_lower_prio_repeat", "Gratuitous ARPs after a lower-priority advert.",
            [R.req("count", .unsigned(0...R.intMax))], default: "vrrp_garp_lower_prio_repeat", since: "1.2.20"),
        R.value(
            "down_timer_adverts", "Adverts missed before taking over.", [R.req("count", .unsigned(1...100))],
            default: "3", since: "2.2.3"),
        R.value(
            "garp_extra_if", "Periodic gratuitous ARPs on the VMAC's base interface (`all`: every interface).",
            [R.opt("all", .enumeration(["all"])), R.req("seconds", .unsigned(0...86400))], since: "2.2.3",
            requires: .vrrpVMAC),
        R.value(
            "vmac_garp_intvl", "Old name of garp_extra_if.",
            [R.opt("all", .enumeration(["all"])), R.req("seconds", .unsigned(0...86400))],
            deprecatedBy: "garp_extra_if", since: "2.2.0", requires: .vrrpVMAC),
        R.toggle("lower_prio_no_advert", "Do not answer lower-priority adverts.", default: "vrrp_lower_prio_no_advert", since: "1.2.20"),
        R.toggle(
            "higher_prio_send_advert", "Send an advert before yielding to a higher priority.",
            default: "vrrp_higher_prio_send_advert", since: "1.3.5"),
        R.toggle("skip_check_adv_addr", "Skip checking addresses of adverts from the current master.", default: "vrrp_skip_check_adv_addr", since: "1.2.20"),
        R.toggle("strict_mode", "Strict RFC conformance for this instance.", default: "vrrp_strict", since: "1.2.20"),
        R.flag("accept", "Accept packets to the VIPs when not the address owner.", since: "1.2.17"),
        R.flag("no_accept", "Drop packets to the VIPs when not the address owner.", since: "1.3.0", requires: .firewall),
    ]

    private static let notifyRows: [KeywordSpec] = [
        R.script("notify_master", "Script run on entering MASTER."),
        R.script("notify_backup", "Script run on entering BACKUP."),
        R.script("notify_fault", "Script run on entering FAULT."),
        R.script("notify_stop", "Script run when the instance stops.", since: "1.1.13"),
        R.script(
            "notify_deleted", "Report DELETED instead of FAULT on removal; optional script.", optionalCommand: true,
            since: "2.1.0"),
        R.script("notify", "Script run on every state change: `INSTANCE name state priority` appended.", since: "1.1.2"),
        R.script("notify_master_rx_lower_pri", "Script run when a MASTER receives a lower-priority advert.", since: "2.0.6"),
        R.toggle("notify_priority_changes", "Run notify on priority changes.", default: "vrrp_notify_priority_changes", since: "2.0.16"),
        R.toggle("smtp_alert", "Send e-mail on state changes.", default: "smtp_alert_vrrp"),
    ]

    private static let otherInstanceRows: [KeywordSpec] = [
        R.value("debug", "Debug level (unused).", [R.req("level", .unsigned(0...4))]),
        R.value("kernel_rx_buf_size", "Receive buffer size of the instance's socket.", [R.req("bytes", .unsigned(0...R.uintMax))], since: "2.0.3"),
        R.value(
            "lvs_sync_daemon_interface", "Old per-instance IPVS sync daemon interface.",
            [R.req("interface", .interfaceName)], deprecatedBy: "lvs_sync_daemon"),
        R.block("authentication", "authentication", "VRRPv2 authentication.", requires: .vrrpAuth),
    ]

    /// Keywords added after 2.2.7, read from keepalived master (v2.4.3-30).
    private static let newerInstanceRows: [KeywordSpec] = [
        R.flag("no_virtual_ipaddress", "Allow an instance without VIPs.", since: "2.2.8", knownIn227: false),
        R.toggle("v3_checksum_as_v2", "VRRPv3 IPv4 checksum without pseudo-header.", since: "2.2.8", knownIn227: false),
        R.value(
            "timer_expired_backup", "With nopreempt, stay BACKUP on timer expiry unless the master's priority is below.",
            [R.opt("priority", .unsigned(1...254))], default: "254", since: "2.2.8", knownIn227: false),
        R.value(
            "thread_timer_expired", "Old name of timer_expired_backup.", [R.opt("priority", .unsigned(1...254))],
            deprecatedBy: "timer_expired_backup", since: "2.3.2", knownIn227: false),
        R.toggle("owner_ignore_adverts", "An address owner ignores adverts.", since: "2.3.3", knownIn227: false),
        R.block("auth_hmac", "auth_hmac", "HMAC authentication of adverts.", since: "2.4.0", knownIn227: false),
    ]
}
