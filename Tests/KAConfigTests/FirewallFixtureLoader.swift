import Foundation
@testable import KAConfig
@testable import KALint

/// Reads a ruleset from Fixtures/firewall (real `nft list ruleset` and iptables-save output).
enum FirewallFixture {
    static func text(_ name: String) throws -> String {
        guard let root = Bundle.module.resourceURL else { throw CocoaError(.fileNoSuchFile) }
        let url = root.appendingPathComponent("Fixtures/firewall/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func ruleset(_ name: String) throws -> FirewallRuleset {
        FirewallRuleset.parse(try text(name))
    }

    static func multicast(
        _ instance: String = "VI_1", family: VRRPTrafficNeed.Family = .ipv4, interface: String? = "eth0",
        group: String? = nil, ah: Bool = false
    ) -> VRRPTrafficNeed {
        VRRPTrafficNeed(
            instance: instance, family: family, interface: interface, usesAH: ah,
            multicastGroup: group ?? (family == .ipv4 ? "224.0.0.18" : "ff02::12"))
    }

    static func unicast(
        _ instance: String = "VI_2", interface: String? = "eth1", peers: [String], local: String? = "192.0.2.1"
    ) -> VRRPTrafficNeed {
        VRRPTrafficNeed(instance: instance, family: .ipv4, interface: interface, unicastPeers: peers, localAddress: local)
    }
}
