/// LVS: `SSL`, `virtual_server` and `real_server` (keepalived 2.2.7 check/check_parser.c,
/// `init_check_keywords`). Checkers are in CheckerRows.swift.
private typealias R = SchemaRow

extension KeepalivedSchema {
    /// Timers read with `read_timer` without an upper bound (ULONG_MAX - 1 µs).
    static let longTimer = R.seconds(0, 18_446_744_073_709.55)

    static let sslRows = BlockSpec(
        "SSL", nameRequirement: .none, summary: "TLS material for SSL_GET checkers.",
        [
            R.value("password", "Password of the private key.", [R.req("password", .string)]),
            R.value("ca", "CA certificate file.", [R.req("file", .path)]),
            R.value("certificate", "Client certificate file.", [R.req("file", .path)]),
            R.value("key", "Private key file.", [R.req("file", .path)]),
        ])

    static let virtualServerRows = BlockSpec(
        "virtual_server", nameRequirement: .address,
        summary: "An IPVS virtual service: `IP PORT`, `fwmark N` or `group NAME`.",
        [
            R.value("ip_family", "Address family of a fwmark service.", [R.req("family", .enumeration(["inet", "inet6"]))], since: "1.2.20"),
            R.value(
                "lvs_sched", "IPVS scheduler.",
                [R.req("scheduler", .enumeration(lvsSchedulers))], since: "1.1.5"),
            R.value(
                "lb_algo", "Old name of lvs_sched.", [R.req("scheduler", .enumeration(lvsSchedulers))],
                deprecatedBy: "lvs_sched"),
            R.flag("hashed", "Hashed scheduler flag (sh/mh).", since: "1.3.0"),
            R.flag("ops", "One-packet scheduling (UDP).", since: "1.2.8"),
            R.flag("flag-1", "Scheduler flag 1.", since: "1.3.0"),
            R.flag("flag-2", "Scheduler flag 2.", since: "1.3.0"),
            R.flag("flag-3", "Scheduler flag 3.", since: "1.3.0"),
            R.flag("sh-port", "sh scheduler: include the port in the hash.", since: "1.3.0"),
            R.flag("sh-fallback", "sh scheduler: fall back to another server.", since: "1.3.0"),
            R.flag("mh-port", "mh scheduler: include the port in the hash.", since: "2.0.20"),
            R.flag("mh-fallback", "mh scheduler: fall back to another server.", since: "2.0.20"),
            R.value(
                "lvs_method", "Forwarding method: NAT, DR or TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum].",
                [R.req("method", .enumeration(["NAT", "DR", "TUN"])), R.rest("tunnel", .string)], since: "1.1.5"),
            R.value(
                "lb_kind", "Old name of lvs_method.",
                [R.req("method", .enumeration(["NAT", "DR", "TUN"])), R.rest("tunnel", .string)],
                deprecatedBy: "lvs_method"),
            R.value("persistence_engine", "IPVS persistence engine (e.g. sip).", [R.req("engine", .string)], since: "1.2.20"),
            R.value(
                "persistence_timeout", "Seconds a client sticks to a server; no value means 360.",
                [R.opt("seconds", .unsigned(1...2_678_400))]),
            R.value(
                "persistence_granularity", "Netmask (IPv4) or prefix length (IPv6) for persistence.",
                [R.req("mask", .string)]),
            R.value("protocol", "Transport protocol.", [R.req("protocol", .enumeration(["TCP", "UDP", "SCTP"]))], default: "TCP"),
            R.flag("ha_suspend", "Only create the service while a VIP is present."),
            R.toggle("smtp_alert", "Send e-mail on changes.", default: "smtp_alert_checker", since: "2.0.0"),
            R.value("virtualhost", "Default HTTP Host header for checkers.", [R.req("host", .string)]),
            R.value("snmp_name", "Name exported in SNMP.", [R.req("name", .string)], since: "2.2.3", requires: .snmpChecker),
            R.flag("alpha", "Start real servers as down until a check succeeds.", since: "1.1.16"),
            R.flag("omega", "Run quorum_down when the service is removed.", since: "1.1.16"),
            R.script("quorum_up", "Script run when the quorum is reached.", since: "1.1.16"),
            R.script("quorum_down", "Script run when the quorum is lost.", since: "1.1.16"),
            R.value("quorum", "Minimum total weight of live servers.", [R.req("weight", .unsigned(1...R.uintMax))], default: "1", since: "1.1.16"),
            R.value("hysteresis", "Weight margin around the quorum.", [R.req("weight", .unsigned(0...R.uintMax))], default: "0", since: "1.1.16"),
            R.value("weight", "Default weight of real servers.", [R.req("weight", .unsigned(1...R.intMax))], default: "1"),
            R.value(
                "retry", "Default checker retries.", [R.req("count", .unsigned(1...R.uintMax))], since: "1.3.7"),
            R.value("delay_before_retry", "Default seconds between retries.", [R.req("seconds", longTimer)], since: "1.3.7"),
            R.value("warmup", "Default random delay before the first check.", [R.req("seconds", longTimer)], since: "1.3.7"),
            R.value(
                "connect_timeout", "Default checker connect timeout.", [R.req("seconds", R.seconds(0.000001, 4294.967295))],
                since: "2.0.13"),
            R.value("delay_loop", "Seconds between checks.", [R.req("seconds", R.seconds(0.000001, 18_446_744_073_709.55))], default: "60"),
            R.flag("inhibit_on_failure", "Set weight 0 instead of removing failed servers."),
            R.value(
                "sorry_server", "Server used when all real servers are down.",
                [R.req("address", .ipAddress), R.opt("port", .port)]),
            R.flag("sorry_server_inhibit", "Keep the sorry server with weight 0.", since: "1.2.13"),
            R.value(
                "sorry_server_lvs_method", "Forwarding method of the sorry server.",
                [R.req("method", .enumeration(["NAT", "DR", "TUN"])), R.rest("tunnel", .string)], since: "1.3.6"),
            R.block(
                "real_server", "real_server", "A real server of the service.",
                header: [R.req("address", .ipAddress), R.opt("port", .port)], repeatable: true),
        ])

    static let realServerRows = BlockSpec(
        "real_server", nameRequirement: .address, summary: "A real server of a virtual_server.",
        [
            R.value("weight", "IPVS weight.", [R.req("weight", .unsigned(0...R.intMax))], default: "virtual_server weight (1)"),
            R.value(
                "lvs_method", "Forwarding method of this server.",
                [R.req("method", .enumeration(["NAT", "DR", "TUN"])), R.rest("tunnel", .string)], since: "1.1.5"),
            R.value("uthreshold", "Maximum connections.", [R.req("count", .unsigned(0...R.uintMax))], since: "1.1.13"),
            R.value("lthreshold", "Connections below which the server is used again.", [R.req("count", .unsigned(0...R.uintMax))], since: "1.1.13"),
            R.toggle("inhibit_on_failure", "Set weight 0 instead of removing the server.", default: "virtual_server"),
            R.script("notify_up", "Script run when the server comes up."),
            R.script("notify_down", "Script run when the server goes down."),
            R.toggle("alpha", "Start as down until a check succeeds.", default: "virtual_server", since: "1.1.16"),
            R.value("retry", "Checker retries.", [R.req("count", .unsigned(1...R.uintMax))], since: "1.3.7"),
            R.value("delay_before_retry", "Seconds between retries.", [R.req("seconds", longTimer)], since: "1.3.7"),
            R.value("warmup", "Random delay before the first check.", [R.req("seconds", longTimer)], since: "1.3.7"),
            R.value(
                "connect_timeout", "Checker connect timeout.", [R.req("seconds", R.seconds(0.000001, 4294.967295))],
                since: "2.0.13"),
            R.value("delay_loop", "Seconds between checks.", [R.req("seconds", R.seconds(0.000001, 18_446_744_073_709.55))], since: "1.3.7"),
            R.toggle("smtp_alert", "Send e-mail on changes.", default: "virtual_server", since: "2.0.0"),
            R.value("virtualhost", "HTTP Host header for checkers.", [R.req("host", .string)], since: "1.3.6"),
            R.value("snmp_name", "Name exported in SNMP.", [R.req("name", .string)], since: "2.2.3", requires: .snmpChecker),
        ] + checkerKeywordRows)

    /// IPVS schedulers keepalived 2.2.7 accepts.
    static let lvsSchedulers = ["rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos"]
}
