/// Health checkers inside `real_server` (keepalived 2.2.7 check/check_api.c and check_{tcp,http,misc,
/// dns,smtp,udp,ping,file,bfd}.c), with the `url` and SMTP `host` sub-blocks.
private typealias R = SchemaRow

extension KeepalivedSchema {
    /// The checker keywords of a real_server block.
    static let checkerKeywordRows: [KeywordSpec] = [
        R.block("MISC_CHECK", "MISC_CHECK", "Run a script; exit 0 means up.", since: "1.0.0", repeatable: true),
        R.block("SMTP_CHECK", "SMTP_CHECK", "Connect and say HELO to an SMTP server.", since: "1.1.8", repeatable: true),
        R.block("TCP_CHECK", "TCP_CHECK", "Open a TCP connection.", repeatable: true),
        R.block("PING_CHECK", "PING_CHECK", "Send ICMP echo requests.", since: "2.1.0", repeatable: true),
        R.block("UDP_CHECK", "UDP_CHECK", "Send a UDP datagram and optionally expect a reply.", since: "2.1.0", repeatable: true),
        R.block("HTTP_GET", "HTTP_GET", "Fetch URLs over HTTP and check status or digest.", repeatable: true),
        R.block("SSL_GET", "SSL_GET", "Fetch URLs over HTTPS and check status or digest.", repeatable: true),
        R.block("DNS_CHECK", "DNS_CHECK", "Send a DNS query.", since: "1.3.0", repeatable: true),
        R.block("FILE_CHECK", "FILE_CHECK", "Follow a track_file.", since: "2.1.0", repeatable: true),
        R.block("BFD_CHECK", "BFD_CHECK", "Follow a bfd_instance.", since: "2.0.0", repeatable: true, requires: .bfd),
    ]

    /// Keywords every checker has (`install_checker_common_keywords(false)`).
    static let commonCheckerRows: [KeywordSpec] = [
        R.value("retry", "Retries before the server counts as down.", [R.req("count", .unsigned(0...R.uintMax))], default: "1 (virtual_server/real_server retry)", since: "1.2.13"),
        R.value("delay_before_retry", "Seconds between retries.", [R.req("seconds", longTimer)], default: "1", since: "1.2.13"),
        R.value("warmup", "Random delay up to this many seconds before the first check.", [R.req("seconds", longTimer)], since: "1.2.13"),
        R.value(
            "delay_loop", "Seconds between checks.", [R.req("seconds", R.seconds(0.000001, 18_446_744_073_709.55))],
            default: "real_server delay_loop", since: "1.3.7"),
        R.toggle("alpha", "Start as down until this check succeeds.", since: "1.3.7"),
        R.toggle("log_all_failures", "Log every failure, not only state changes.", since: "2.0.11"),
    ]

    /// Keywords of checkers that connect somewhere (`install_checker_common_keywords(true)`).
    static let connectionCheckerRows: [KeywordSpec] = [
        R.value("connect_ip", "Address to connect to.", [R.req("address", .ipAddress)], default: "real server address", since: "1.2.13"),
        R.value("connect_port", "Port to connect to.", [R.req("port", .unsigned(1...65535))], default: "real server port", since: "1.2.13"),
        R.value("bindto", "Source address.", [R.req("address", .ipAddress)], since: "1.1.2"),
        R.value("bind_port", "Source port.", [R.req("port", .unsigned(1...65535))], since: "1.2.13"),
        R.value("bind_if", "Source interface (for link-local IPv6).", [R.req("interface", .interfaceName)], since: "1.3.7"),
        R.value(
            "connect_timeout", "Connect timeout in seconds.", [R.req("seconds", R.seconds(0.000001, 4294.967295))],
            default: "5", since: "1.2.13"),
        R.value("fwmark", "Mark set on the checker's packets.", [R.req("mark", .unsigned(0...R.uintMax))], since: "1.2.13", requires: .soMark),
    ] + commonCheckerRows

    static let tcpCheckRows = BlockSpec(
        "TCP_CHECK", nameRequirement: .none, summary: "Open a TCP connection.", connectionCheckerRows)

    static let pingCheckRows = BlockSpec(
        "PING_CHECK", nameRequirement: .none, summary: "Send ICMP echo requests.", connectionCheckerRows)

    static let miscCheckRows = BlockSpec(
        "MISC_CHECK", nameRequirement: .none, summary: "Run a script; exit 0 means up (2..255: new weight - 2).",
        commonCheckerRows + [
            R.script("misc_path", "The command to run."),
            R.value(
                "misc_timeout", "Seconds before the script counts as failed.",
                [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "delay_loop", since: "1.1.0"),
            R.flag("misc_dynamic", "Exit codes 2..255 set the weight to code - 2.", since: "1.1.8"),
            R.value("user", "User (and group) the script runs as.", [R.req("user", .string), R.opt("group", .string)], default: "script_user", since: "1.3.0"),
        ])

    static let dnsCheckRows = BlockSpec(
        "DNS_CHECK", nameRequirement: .none, summary: "Send a DNS query.",
        connectionCheckerRows + [
            R.value(
                "type", "Query type.",
                [R.req("type", .enumeration(["A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY"]))],
                default: "SOA", since: "1.3.0"),
            R.value("name", "Name queried.", [R.req("name", .string)], default: ".", since: "1.3.0"),
        ])

    static let smtpCheckRows = BlockSpec(
        "SMTP_CHECK", nameRequirement: .none, summary: "Connect and say HELO to an SMTP server.",
        [R.value("helo_name", "Name sent in HELO.", [R.req("name", .string)], default: "smtp_helo_name", since: "1.1.8")]
            + connectionCheckerRows
            + [R.block("host", "SMTP_CHECK.host", "Old: another host to check; use several SMTP_CHECKs.", since: "1.1.8", repeatable: true)])

    static let smtpHostRows = BlockSpec(
        "SMTP_CHECK.host", nameRequirement: .none, summary: "Old SMTP_CHECK host entry (use several SMTP_CHECK blocks).",
        connectionCheckerRows)

    static let udpCheckRows = BlockSpec(
        "UDP_CHECK", nameRequirement: .none, summary: "Send a UDP datagram.",
        connectionCheckerRows + [
            R.value("payload", "Hex payload to send.", [R.some("hex", .string)], since: "2.2.0"),
            R.value("require_reply", "Expect a reply, optionally matching hex data.", [R.rest("hex", .string)], since: "2.1.0"),
            R.value("min_reply_length", "Minimum reply length.", [R.req("bytes", .unsigned(0...65535))], since: "2.2.0"),
            R.value("max_reply_length", "Maximum reply length.", [R.req("bytes", .unsigned(0...65535))], since: "2.2.0"),
        ])

    static let fileCheckRows = BlockSpec(
        "FILE_CHECK", nameRequirement: .none, summary: "Follow a track_file.",
        [
            R.value("track_file", "The track_file followed.", [R.req("name", .reference(.trackFile))], since: "2.1.0"),
            R.value(
                "weight", "Multiplier of the file's number; 0 means down when not 0.",
                [R.req("weight", .integer(-R.intMax...R.intMax)), R.opt("reverse", .enumeration(["reverse", "noreverse"]))],
                since: "2.1.0"),
        ])

    static let bfdCheckRows = BlockSpec(
        "BFD_CHECK", nameRequirement: .none, summary: "Follow a bfd_instance.",
        [
            R.value("name", "The bfd_instance followed.", [R.req("name", .reference(.bfdInstance))], since: "2.0.0"),
            R.toggle("alpha", "Start as down until the session is up.", since: "2.0.0"),
        ])

    static func httpCheckRows(_ name: String) -> BlockSpec {
        let isSSL = name == "SSL_GET"
        return BlockSpec(
            name, nameRequirement: .none, summary: isSSL ? "HTTPS checker." : "HTTP checker.",
            connectionCheckerRows + [
                R.value(
                    "nb_get_retry", "Old name of retry.", [R.req("count", .unsigned(0...R.uintMax))],
                    deprecatedBy: "retry"),
                R.value("virtualhost", "HTTP Host header.", [R.req("host", .string)], since: "1.3.6"),
                R.value(
                    "http_protocol", "HTTP version of requests (1.0C: 1.0 with Connection: close).",
                    [R.req("version", .enumeration(["1.0", "1.1", "1.0C", "1.0c"]))], default: "1.0", since: "2.0.17"),
                R.toggle("enable_sni", "Send the virtualhost as TLS SNI.", since: "1.4.3"),
                R.toggle("fast_recovery", "Check again at once after a failure recovers.", since: "2.0.17"),
                R.block("url", "\(name).url", "A URL to fetch and how to judge the answer.", repeatable: true),
                R.value("sni_name", "TLS SNI name to send.", [R.req("name", .string)], since: "2.4.4", knownIn227: false),
            ] + (isSSL ? [R.toggle("tls_compliant", "Close TLS sessions properly.", since: "2.2.8", knownIn227: false)] : []))
    }

    static func urlRows(_ checker: String) -> BlockSpec {
        BlockSpec(
            "\(checker).url", nameRequirement: .none, summary: "A URL fetched by \(checker).",
            [
                R.value("path", "Path requested.", [R.req("path", .string)]),
                R.value("digest", "MD5 of the expected body (32 hex digits).", [R.req("md5", .string)]),
                R.value(
                    "status_code", "Accepted status codes or ranges (100..599, e.g. 200-299).",
                    [R.some("code", .string)], default: "200-299"),
                R.value("virtualhost", "HTTP Host header for this URL.", [R.req("host", .string)], since: "1.3.6"),
                R.value("regex", "PCRE2 pattern the body must match.", [R.req("pattern", .string)], since: "2.0.7", requires: .regex),
                R.flag("regex_no_match", "The body must not match regex.", since: "2.0.7", requires: .regex),
                R.value(
                    "regex_options", "PCRE2 options (caseless, multiline, ...).", [R.some("option", .string)],
                    since: "2.0.7", requires: .regex),
                R.value(
                    "regex_min_offset", "First offset where a match may start.", [R.req("offset", .unsigned(0...R.uintMax))],
                    since: "2.0.7", requires: .regex),
                R.value(
                    "regex_max_offset", "Last offset where a match may start.", [R.req("offset", .unsigned(0...R.uintMax))],
                    since: "2.0.7", requires: .regex),
                R.value(
                    "regex_stack", "PCRE2 JIT stack start and maximum sizes.",
                    [R.req("start", .unsigned(0...R.uintMax)), R.req("max", .unsigned(0...R.uintMax))], since: "2.0.7",
                    requires: .regex),
            ] + (checker == "SSL_GET" ? [R.toggle("tls_compliant", "Close TLS sessions properly.", since: "2.2.8", knownIn227: false)] : []))
    }
}
