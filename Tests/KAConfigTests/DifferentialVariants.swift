import Foundation

/// Deliberately broken configurations, made in code from clean samples by one textual change each.
struct BrokenVariant: Sendable {
    var name: String
    /// A path under samples/, relative to it.
    var base: String
    var find: String
    var replace: String

    /// The broken text, or nil when `find` is not in the base (the catalogue went stale).
    func text() -> String? {
        guard let original = try? String(contentsOf: RepoPaths.samples.appendingPathComponent(base), encoding: .utf8),
            let range = original.range(of: find)
        else { return nil }
        return original.replacingCharacters(in: range, with: replace)
    }
}

enum DifferentialVariants {
    static let gateway = "gateway/node1.conf"
    static let unicast = "unicast/node1.conf"
    static let lvs = "lvs/node1.conf"

    static let all: [BrokenVariant] = [
        .init(name: "priority-300", base: gateway, find: "priority 110", replace: "priority 300"),
        .init(name: "priority-0", base: gateway, find: "priority 110", replace: "priority 0"),
        .init(name: "vrid-0", base: gateway, find: "virtual_router_id 51", replace: "virtual_router_id 0"),
        .init(name: "vrid-256", base: gateway, find: "virtual_router_id 51", replace: "virtual_router_id 256"),
        .init(name: "misspelt-vrid", base: gateway, find: "virtual_router_id 51", replace: "virtual_router_idd 51"),
        .init(name: "misspelt-priority", base: gateway, find: "priority 110", replace: "prority 110"),
        .init(name: "long-auth-pass", base: gateway, find: "auth_pass gw51key", replace: "auth_pass gw51key-too-long"),
        .init(name: "bad-auth-type", base: gateway, find: "auth_type PASS", replace: "auth_type PLAIN"),
        .init(name: "script-weight-300", base: gateway, find: "weight -20", replace: "weight 300"),
        .init(name: "script-interval-0", base: gateway, find: "interval 2", replace: "interval 0"),
        .init(name: "missing-brace", base: gateway, find: "auth_pass gw51key\n    }\n", replace: "auth_pass gw51key\n"),
        .init(name: "extra-brace", base: gateway, find: "    track_script {", replace: "    }\n    track_script {"),
        .init(name: "missing-priority-value", base: gateway, find: "priority 110", replace: "priority"),
        .init(name: "wrong-case-state", base: gateway, find: "state MASTER", replace: "state Master"),
        .init(name: "trailing-junk-advert-int", base: gateway, find: "advert_int 1", replace: "advert_int 1s"),
        .init(name: "advert-int-0", base: gateway, find: "advert_int 1", replace: "advert_int 0"),
        .init(name: "long-interface-name", base: gateway, find: "interface eth0", replace: "interface eth0-uplink-long"),
        .init(name: "undefined-track-script", base: gateway, find: "        check_uplink\n", replace: "        check_uplinks\n"),
        .init(name: "bad-vip", base: gateway, find: "192.0.2.1/24 dev eth0", replace: "192.0.2.300/24 dev eth0"),
        .init(
            name: "vip-family-mismatch", base: gateway, find: "192.0.2.1/24 dev eth0\n",
            replace: "192.0.2.1/24 dev eth0\n        2001:db8::1/64 dev eth0\n"),
        .init(name: "unterminated-quote", base: gateway, find: "carrier\"", replace: "carrier"),
        .init(name: "unknown-top-level-block", base: gateway, find: "vrrp_script check_uplink", replace: "vrrp_scrip check_uplink"),
        .init(name: "unicast-family-mismatch", base: unicast, find: "unicast_src_ip 192.0.2.11", replace: "unicast_src_ip 2001:db8::11"),
        .init(name: "nopreempt-master", base: unicast, find: "state BACKUP", replace: "state MASTER"),
        .init(name: "unicast-peer-bad", base: unicast, find: "        192.0.2.12\n", replace: "        192.0.2.312\n"),
        .init(name: "lvs-bad-scheduler", base: lvs, find: "lvs_sched wlc", replace: "lvs_sched wlcx"),
        .init(name: "lvs-bad-method", base: lvs, find: "lvs_method DR", replace: "lvs_method DSR"),
        .init(name: "lvs-delay-loop-word", base: lvs, find: "delay_loop 6", replace: "delay_loop six"),
        .init(name: "lvs-bad-status-code", base: lvs, find: "status_code 200", replace: "status_code 999"),
        .init(name: "lvs-bad-port", base: lvs, find: "real_server 192.0.2.22 80", replace: "real_server 192.0.2.22 99999"),
        .init(name: "lvs-bad-protocol", base: lvs, find: "protocol TCP", replace: "protocol TCPX"),
        .init(name: "lvs-misspelt-checker", base: lvs, find: "TCP_CHECK", replace: "TCP_CHEK"),
        .init(name: "script-only-for-other-id", base: gateway, find: "    script \"/usr/bin/grep", replace: "@other script \"/usr/bin/grep"),
        .init(name: "missing-interval-value", base: gateway, find: "interval 2", replace: "interval"),
        .init(
            name: "route-gw-no-dev", base: gateway, find: "    track_script {",
            replace: "    virtual_routes {\n        203.0.113.0/24 gw 192.0.2.254\n    }\n    track_script {"),
        .init(
            name: "rules-bad-and-no-preference", base: gateway, find: "    track_script {",
            replace: "    virtual_rules {\n        from 192.0.2.0/24 table 1\n        to 198.51.100./24 table 2 preference 5\n    }\n    track_script {"),
        .init(
            name: "empty-notification-email", base: gateway, find: "    router_id gw1\n",
            replace: "    router_id gw1\n    notification_email {\n    }\n"),
        .init(
            name: "lvs-misc-check-no-path", base: lvs, find: "        TCP_CHECK {\n            connect_port 80\n            connect_timeout 3\n        }",
            replace: "        MISC_CHECK {\n        }"),
        .init(name: "lvs-reversed-status-range", base: lvs, find: "status_code 200", replace: "status_code 299-200"),
    ]
}
