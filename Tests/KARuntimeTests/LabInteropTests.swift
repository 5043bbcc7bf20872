import Foundation
import Glibc
import KAVRRP
import Testing

/// A VRRP daemon in the lab: karun or keepalived 2.2.7.
protocol LabDaemon: AnyObject {
    func kill(_ signal: Int32)
    func wait(timeout: Double) -> Int32?
    var log: String { get }
    func state(_ instance: String) -> String?
}

extension KarunProcess: LabDaemon {}
extension KeepalivedNode: LabDaemon {}

enum DaemonKind: String, CustomStringConvertible, Sendable {
    case karun
    case keepalived
    var description: String { rawValue }
}

/// One karun node and one keepalived node with the same configuration apart from priority
/// (issue 15): the right node becomes MASTER and alone holds the VIP, SIGKILL and SIGTERM hand
/// it over in time, the old master preempts back, and neither side complains about the other's
/// packets.
struct InteropScenario {
    var config: (_ index: Int, _ priority: Int) -> String
    var vip: String
    var vipInterface: String
    var instances: [String] = ["VI_1"]
    var version: VRRPVersion
    var advertInterval: VRRPDuration

    func masterDown(_ priority: Int) -> Double {
        Double(VRRPTimers.masterDownInterval(version: version, priority: UInt8(priority), masterAdvertisementInterval: advertInterval).microseconds) / 1e6
    }

    func skew(_ priority: Int) -> Double {
        Double(VRRPTimers.skewTime(version: version, priority: UInt8(priority), masterAdvertisementInterval: advertInterval).microseconds) / 1e6
    }

    func start(_ kind: DaemonKind, _ lab: KarunLab, node: Int, priority: Int, tag: String) throws -> LabDaemon {
        switch kind {
        case .karun: try lab.start("n\(node)", config: config(node, priority), name: "n\(node)-\(tag)")
        case .keepalived: try lab.startKeepalived("n\(node)", config: config(node, priority), name: "n\(node)-\(tag)")
        }
    }

    func run(in lab: KarunLab, master masterKind: DaemonKind, backup backupKind: DaemonKind) throws {
        let first = try start(masterKind, lab, node: 1, priority: 150, tag: "a")
        let second = try start(backupKind, lab, node: 2, priority: 100, tag: "a")
        let context = "\(masterKind) (150) beside \(backupKind) (100)"
        let elected = lab.wait(timeout: masterDown(100) + 6) {
            instances.allSatisfy { first.state($0) == "MASTER" && second.state($0) == "BACKUP" }
                && lab.holds("n1", vipInterface, vip) && !lab.holds("n2", vipInterface, vip)
        }
        #expect(elected != nil, "\(context): election\n\(first.log)\n\(second.log)")
        // A few adverts each way, then neither side may have complained.
        usleep(UInt32(max(0.5, Double(advertInterval.microseconds) / 1e6 * 3) * 1_000_000))
        #expect(instances.allSatisfy { second.state($0) == "BACKUP" }, "\(context): the backup stays BACKUP")
        #expect(!lab.holds("n2", vipInterface, vip), "\(context): only the master holds \(vip)")

        first.kill(SIGKILL)
        try Lab.check(["ip", "-n", lab.namespace("n1"), "link", "set", "eth0", "down"])
        _ = first.wait(timeout: 3)
        let limit = masterDown(100) + 0.5
        let takeover = lab.wait(timeout: limit + 3) { lab.holds("n2", vipInterface, vip) }
        #expect(takeover.map { $0 <= limit } == true, "\(context): SIGKILL takeover \(takeover.map { String($0) } ?? "none") s, limit \(limit) s\n\(second.log)")

        try Lab.check(["ip", "-n", lab.namespace("n1"), "link", "set", "eth0", "up"])
        let restarted = try start(masterKind, lab, node: 1, priority: 150, tag: "b")
        let preempted = lab.wait(timeout: masterDown(150) + 8) {
            instances.allSatisfy { restarted.state($0) == "MASTER" && second.state($0) == "BACKUP" }
                && lab.holds("n1", vipInterface, vip) && !lab.holds("n2", vipInterface, vip)
        }
        #expect(preempted != nil, "\(context): the old master preempts back\n\(restarted.log)\n\(second.log)")

        restarted.kill(SIGTERM)
        let termLimit = skew(100) + 0.3
        let graceful = lab.wait(timeout: termLimit + 3) { lab.holds("n2", vipInterface, vip) }
        #expect(graceful.map { $0 <= termLimit } == true, "\(context): SIGTERM takeover \(graceful.map { String($0) } ?? "none") s, limit \(termLimit) s")
        _ = restarted.wait(timeout: 5)
        second.kill(SIGTERM)
        _ = second.wait(timeout: 5)

        Self.expectNoComplaints([first, second, restarted], context: context)
    }

    /// Neither daemon logged a protocol error about the other's packets.
    static func expectNoComplaints(_ daemons: [LabDaemon], context: String) {
        for daemon in daemons {
            if let keepalived = daemon as? KeepalivedNode {
                #expect(keepalived.protocolComplaints.isEmpty, "\(context): keepalived complained:\n\(keepalived.protocolComplaints.joined(separator: "\n"))")
            }
            if let karun = daemon as? KarunProcess {
                let complaints = karun.log.split(separator: "\n").filter { $0.contains("warning:") && !$0.contains("configuration findings") }
                #expect(complaints.isEmpty, "\(context): karun complained:\n\(complaints.joined(separator: "\n"))")
            }
        }
    }
}

@Suite(.serialized, .enabled(if: Lab.isPrivileged && KeepalivedNode.isInstalled, "needs root and keepalived"))
struct LabInteropTests {
    static let orders: [(DaemonKind, DaemonKind)] = [(.karun, .keepalived), (.keepalived, .karun)]

    static func multicast(version: Int, auth: Bool, vrid: Int, vip: String, interval: String, ipv6: Bool = false) -> (Int, Int) -> String {
        { _, priority in
            """
            global_defs {
                vrrp_version \(version)
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id \(vrid)
                priority \(priority)
                advert_int \(interval)
            \(auth ? "    authentication {\n        auth_type PASS\n        auth_pass interop\n    }" : "")
                virtual_ipaddress {
                    \(vip)
                }
            }
            """
        }
    }

    @Test(arguments: orders)
    func vrrp2WithPassAuthentication(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("ipa")
        defer { lab.tearDown() }
        try InteropScenario(
            config: Self.multicast(version: 2, auth: true, vrid: 81, vip: "192.0.2.81/24", interval: "1"),
            vip: "192.0.2.81", vipInterface: "eth0", version: .v2, advertInterval: .seconds(1)
        ).run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func vrrp2WithoutAuthentication(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("ina")
        defer { lab.tearDown() }
        try InteropScenario(
            config: Self.multicast(version: 2, auth: false, vrid: 82, vip: "192.0.2.82/24", interval: "1"),
            vip: "192.0.2.82", vipInterface: "eth0", version: .v2, advertInterval: .seconds(1)
        ).run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func vrrp3IPv4(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("iv34")
        defer { lab.tearDown() }
        try InteropScenario(
            config: Self.multicast(version: 3, auth: false, vrid: 83, vip: "192.0.2.83/24", interval: "0.2"),
            vip: "192.0.2.83", vipInterface: "eth0", version: .v3, advertInterval: .milliseconds(200)
        ).run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func vrrp3IPv6(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("iv36", ipv6: true)
        defer { lab.tearDown() }
        try InteropScenario(
            config: Self.multicast(version: 3, auth: false, vrid: 84, vip: "2001:db8::84/64", interval: "0.2"),
            vip: "2001:db8::84", vipInterface: "eth0", version: .v3, advertInterval: .milliseconds(200)
        ).run(in: lab, master: master, backup: backup)
    }

    static func unicast(ipv6: Bool, vrid: Int) -> (Int, Int) -> String {
        { index, priority in
            let own = ipv6 ? "2001:db8::1\(index)" : "192.0.2.1\(index)"
            let peer = ipv6 ? "2001:db8::1\(3 - index)" : "192.0.2.1\(3 - index)"
            let vip = ipv6 ? "2001:db8::\(vrid)/64" : "192.0.2.\(vrid)/24"
            return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id \(vrid)
                    priority \(priority)
                    advert_int \(ipv6 ? "0.2" : "1")
                    unicast_src_ip \(own)
                    unicast_peer {
                        \(peer)
                    }
                    virtual_ipaddress {
                        \(vip)
                    }
                }
                """
        }
    }

    @Test(arguments: orders)
    func unicastIPv4(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("iu4")
        defer { lab.tearDown() }
        try InteropScenario(
            config: Self.unicast(ipv6: false, vrid: 85), vip: "192.0.2.85", vipInterface: "eth0",
            version: .v2, advertInterval: .seconds(1)
        ).run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func unicastIPv6(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("iu6", ipv6: true)
        defer { lab.tearDown() }
        try InteropScenario(
            config: Self.unicast(ipv6: true, vrid: 86), vip: "2001:db8::86", vipInterface: "eth0",
            version: .v3, advertInterval: .milliseconds(200)
        ).run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func syncGroupOfTwoInstances(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("isg")
        defer { lab.tearDown() }
        let config: (Int, Int) -> String = { _, priority in
            """
            vrrp_sync_group G {
                group {
                    VI_1
                    VI_2
                }
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 87
                priority \(priority)
                advert_int 1
                virtual_ipaddress {
                    192.0.2.87/24
                }
            }
            vrrp_instance VI_2 {
                state BACKUP
                interface eth0
                virtual_router_id 88
                priority \(priority)
                advert_int 1
                virtual_ipaddress {
                    192.0.2.88/24
                }
            }
            """
        }
        try InteropScenario(
            config: config, vip: "192.0.2.87", vipInterface: "eth0", instances: ["VI_1", "VI_2"],
            version: .v2, advertInterval: .seconds(1)
        ).run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func useVMACWithTransmitOnBase(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("ivm")
        defer { lab.tearDown() }
        let config: (Int, Int) -> String = { _, priority in
            """
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 89
                use_vmac
                vmac_xmit_base
                priority \(priority)
                advert_int 1
                virtual_ipaddress {
                    192.0.2.89/24
                }
            }
            """
        }
        try InteropScenario(
            config: config, vip: "192.0.2.89", vipInterface: "vrrp.89", version: .v2, advertInterval: .seconds(1)
        ).run(in: lab, master: master, backup: backup)
    }
}
