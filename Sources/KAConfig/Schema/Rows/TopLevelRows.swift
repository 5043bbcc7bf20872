/// The file level: keywords installed with `install_keyword_root` in keepalived 2.2.7
/// (core/global_parser.c, vrrp/vrrp_parser.c, trackers/track_file.c, check/check_parser.c,
/// bfd/bfd_parser.c).
private typealias R = SchemaRow

extension KeepalivedSchema {
    static let topLevelRows = BlockSpec(
        "top level", nameRequirement: .none, summary: "The file level of keepalived.conf.",
        [
            R.block("global_defs", "global_defs", "Global settings: process, e-mail, VRRP and LVS defaults."),
            R.flag(
                "linkbeat_use_polling", "Poll interface link state (MII/ETHTOOL/IOCTL) instead of using netlink.",
                since: "1.1.18", requires: .linkbeat),
            R.value(
                "net_namespace", "Run keepalived in this network namespace (implies use_pid_dir).",
                [R.req("name", .string)], since: "1.2.24"),
            R.value(
                "net_namespace_ipvs", "Network namespace for IPVS; no name means the default namespace.",
                [R.opt("name", .string)], since: "2.1.0"),
            R.flag("namespace_with_ipsets", "Use ipset names unchanged inside a network namespace.", since: "1.3.0"),
            R.flag("use_pid_dir", "Keep pid files in /run/keepalived/.", since: "1.2.24"),
            R.value(
                "instance", "Instance name, used in pid file names (implies use_pid_dir).",
                [R.req("name", .string)], since: "1.2.24"),
            R.value(
                "child_wait_time", "Seconds the parent waits for children to exit at shutdown.",
                [R.req("seconds", .unsigned(0...R.uintMax))], default: "5", since: "2.0.0"),

            // VRRP
            R.block(
                "vrrp_script", "vrrp_script", "A check script that VRRP instances and sync groups can track.",
                header: [R.req("name", .string)], since: "1.1.13", repeatable: true),
            R.block(
                "track_file", "track_file", "A file whose number tracks priority (or FAULT at 0 weight).",
                header: [R.req("name", .string)], since: "2.0.0", repeatable: true),
            R.block(
                "vrrp_track_file", "track_file", "Old name of track_file.", header: [R.req("name", .string)],
                deprecatedBy: "track_file", since: "2.0.0", repeatable: true),
            R.block(
                "vrrp_track_process", "vrrp_track_process", "A process whose presence is tracked.",
                header: [R.req("name", .string)], since: "2.0.11", repeatable: true, requires: .trackProcess),
            R.block(
                "vrrp_sync_group", "vrrp_sync_group", "VRRP instances that change state together.",
                header: [R.req("name", .string)], repeatable: true),
            R.block(
                "track_group", "track_group", "Instances that track static addresses, routes and rules.",
                header: [R.req("name", .string)], since: "2.0.3", repeatable: true),
            R.block(
                "garp_group", "garp_group", "Gratuitous ARP / NA pacing for a set of interfaces.",
                since: "1.2.21", repeatable: true),
            R.block(
                "vrrp_instance", "vrrp_instance", "One VRRP virtual router.", header: [R.req("name", .string)],
                repeatable: true),
            R.valueBlock(
                "static_ipaddress", .address, "Addresses keepalived adds at start and keeps, outside VRRP.",
                since: "1.1.0"),
            R.valueBlock("static_routes", .route, "Routes keepalived adds at start, outside VRRP."),
            R.valueBlock("static_rules", .rule, "Policy routing rules keepalived adds at start.", since: "1.2.20"),
            R.valueBlock(
                "linkbeat_interfaces", .linkbeatInterface, "Interfaces whose link state is polled.",
                since: "2.0.13", requires: .linkbeat),
            R.valueBlock(
                "interface_up_down_delays", .interfaceDelay, "Debounce delays for interface up/down events.",
                since: "2.2.3"),

            // BFD
            R.block(
                "bfd_instance", "bfd_instance", "A BFD session that VRRP instances and checkers can track.",
                header: [R.req("name", .string)], since: "2.0.0", repeatable: true, requires: .bfd),

            // LVS
            R.block("SSL", "SSL", "TLS material used by SSL_GET checkers."),
            R.valueBlock(
                "virtual_server_group", .virtualServerGroupEntry,
                "Named set of addresses, ranges and fwmarks that virtual servers can use.",
                header: [R.req("name", .string)]),
            R.block(
                "virtual_server", "virtual_server",
                "An IPVS virtual service: `IP PORT`, `fwmark N` or `group NAME`.",
                header: [R.req("address", .ipAddress), R.opt("port", .port)], repeatable: true),
        ])
}
