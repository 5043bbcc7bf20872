import Foundation
import Glibc
import KAVRRP
import Testing

/// Two karun nodes and a client on a bridge, one test per mode of issue 14. Root only (network
/// namespaces); each builds its own lab and removes it.
@Suite(.serialized, .enabled(if: Lab.isPrivileged, "needs root for network namespaces"))
struct LabFailoverTests {
    static func lab(_ tag: String, ipv6: Bool = false) throws -> KarunLab {
        let lab = try KarunLab(tag)
        try lab.host("n1", [("eth0", ["192.0.2.11/24", "2001:db8::11/64"])])
        try lab.host("n2", [("eth0", ["192.0.2.12/24", "2001:db8::12/64"])])
        try lab.host("c", [("eth0", ["192.0.2.100/24", "2001:db8::100/64"])])
        if ipv6 { lab.waitForLinkLocal() }
        return lab
    }

    @Test func vrrp2MulticastWithPassAuthentication() throws {
        let lab = try Self.lab("v2pa")
        defer { lab.tearDown() }
        let scenario = FailoverScenario(
            config: { _, priority in
                """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority \(priority)
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass gw51key
                    }
                    virtual_ipaddress {
                        192.0.2.1/24
                    }
                }
                """
            },
            vip: "192.0.2.1", vipInterface: "eth0", version: .v2, advertInterval: .seconds(1))
        try scenario.run(in: lab)
    }

    @Test func vrrp3IPv4Multicast() throws {
        let lab = try Self.lab("v3v4")
        defer { lab.tearDown() }
        let scenario = FailoverScenario(
            config: { _, priority in
                """
                global_defs {
                    vrrp_version 3
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 52
                    priority \(priority)
                    advert_int 0.2
                    virtual_ipaddress {
                        192.0.2.2/24 dev eth0 label eth0:vip
                    }
                }
                """
            },
            vip: "192.0.2.2", vipInterface: "eth0", version: .v3, advertInterval: .milliseconds(200))
        try scenario.run(in: lab)
    }

    @Test func vrrp3IPv6Multicast() throws {
        let lab = try Self.lab("v3v6", ipv6: true)
        defer { lab.tearDown() }
        let scenario = FailoverScenario(
            config: { _, priority in
                """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 53
                    priority \(priority)
                    advert_int 0.2
                    virtual_ipaddress {
                        2001:db8::53/64
                    }
                }
                """
            },
            vip: "2001:db8::53", vipInterface: "eth0", version: .v3, advertInterval: .milliseconds(200))
        try scenario.run(in: lab)
    }

    @Test func unicastIPv4() throws {
        let lab = try Self.lab("uni4")
        defer { lab.tearDown() }
        let scenario = FailoverScenario(
            config: { index, priority in
                """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 54
                    priority \(priority)
                    advert_int 1
                    unicast_src_ip 192.0.2.1\(index)
                    unicast_peer {
                        192.0.2.1\(3 - index)
                    }
                    virtual_ipaddress {
                        192.0.2.4/24
                    }
                }
                """
            },
            vip: "192.0.2.4", vipInterface: "eth0", version: .v2, advertInterval: .seconds(1))
        try scenario.run(in: lab)
    }

    /// The seed's set-up: unicast over IPv6 without `interface`, the VIP on `lo` (announced by
    /// some routing daemon, not by ARP/ND).
    @Test func unicastIPv6WithoutInterfaceVIPOnLoopback() throws {
        let lab = try Self.lab("uni6", ipv6: true)
        defer { lab.tearDown() }
        let scenario = FailoverScenario(
            config: { index, priority in
                """
                vrrp_instance gateway1 {
                    state BACKUP
                    virtual_router_id 12
                    priority \(priority)
                    advert_int 0.2
                    unicast_peer {
                        2001:db8::1\(3 - index)
                    }
                    virtual_ipaddress {
                        2001:db8:ff::1/64 dev lo
                    }
                }
                """
            },
            vip: "2001:db8:ff::1", vipInterface: "lo", instance: "gateway1", version: .v3, advertInterval: .milliseconds(200),
            clientChecksNeighbour: false)
        try scenario.run(in: lab)
    }
}
