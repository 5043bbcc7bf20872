import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

/// The other modes of issue 14: VXLAN underlay, VMAC, unicast with nopreempt and trackers.
@Suite(.serialized, .enabled(if: Lab.isPrivileged, "needs root for network namespaces"))
struct LabModesTests {
    /// The seed's work-around for peers on several interfaces: VRRPv3 IPv6 multicast over a VXLAN
    /// interface with `nolearning` and one all-zero fdb entry per peer.
    @Test func vrrp3IPv6OverVXLANWithStaticFDB() throws {
        let lab = try LabFailoverTests.lab("vxln", ipv6: true)
        defer { lab.tearDown() }
        for (node, local, peer) in [("n1", "2001:db8::11", "2001:db8::12"), ("n2", "2001:db8::12", "2001:db8::11")] {
            let namespace = lab.namespace(node)
            try Lab.check(["ip", "-n", namespace, "-6", "link", "add", "keepalived6", "type", "vxlan", "id", "6",
                           "dstport", "4789", "local", local, "nolearning"])
            try Lab.check(["ip", "netns", "exec", namespace, "bridge", "fdb", "append", "00:00:00:00:00:00",
                           "dev", "keepalived6", "dst", peer])
            try Lab.check(["ip", "-n", namespace, "link", "set", "keepalived6", "up"])
        }
        lab.waitForLinkLocal()
        let scenario = FailoverScenario(
            config: { index, priority in
                """
                vrrp_instance gateway1 {
                    state BACKUP
                    interface keepalived6
                    mcast_src_ip 2001:db8::1\(index)
                    virtual_router_id 12
                    priority \(priority)
                    advert_int 0.2
                    virtual_ipaddress {
                        2001:db8:ff::1/64 dev lo
                    }
                }
                """
            },
            vip: "2001:db8:ff::1", vipInterface: "lo", instance: "gateway1", version: .v3,
            advertInterval: .milliseconds(200), clientChecksNeighbour: false)
        try scenario.run(in: lab)
    }

    static func vmacConfig(xmitBase: Bool, notifyLog: String) -> (Int, Int) -> String {
        { _, priority in
            """
            vrrp_instance instance1 {
                state BACKUP
                interface eth0
                virtual_router_id 55
                use_vmac
                \(xmitBase ? "vmac_xmit_base" : "")
                priority \(priority)
                advert_int 1
                virtual_ipaddress {
                    192.0.2.55/24
                }
                notify_master "/bin/sh -c 'echo \\"$0 $1\\" >> \(notifyLog)' master vrrp.55"
            }
            """
        }
    }

    /// `use_vmac`: the VIP lives on macvlan vrrp.55 with MAC 00:00:5e:00:01:37, so the client's
    /// ARP entry never changes across failovers; notify_master gets the VMAC name.
    @Test(arguments: [false, true])
    func useVMAC(transmitOnBase: Bool) throws {
        let lab = try LabFailoverTests.lab(transmitOnBase ? "vmxb" : "vmac")
        defer { lab.tearDown() }
        let notifyLog = "\(lab.directory)/notify-master.log"
        let virtualMAC = "00:00:5e:00:01:37"
        let scenario = FailoverScenario(
            config: Self.vmacConfig(xmitBase: transmitOnBase, notifyLog: notifyLog),
            vip: "192.0.2.55", vipInterface: "vrrp.55", instance: "instance1", version: .v2,
            advertInterval: .seconds(1), expectedMAC: { _ in virtualMAC })
        try scenario.run(in: lab)
        let notified = (try? String(contentsOfFile: notifyLog, encoding: .utf8)) ?? ""
        #expect(notified.contains("master vrrp.55"), "notify_master got the VMAC name: \(notified)")
        // Stopped nodes remove their VMAC.
        #expect(lab.mac("n1", "vrrp.55") == nil && lab.mac("n2", "vrrp.55") == nil)
    }

    /// Seed 004: unicast, `nopreempt`, `track_interface`, a track_script with fall/rise and a
    /// `notify` script writing its arguments.
    @Test func unicastNopreemptWithTrackersAndNotify() throws {
        let lab = try KarunLab("seed4")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"]), ("eth1", [])])
        try lab.host("n2", [("eth0", ["192.0.2.12/24"]), ("eth1", [])])
        try lab.host("c", [("eth0", ["192.0.2.100/24"])])
        let directory = lab.directory
        for index in 1...2 {
            try "#!/bin/sh\necho \"$@\" >> \(directory)/notify-\(index).log\n"
                .write(toFile: "\(directory)/notify-\(index).sh", atomically: true, encoding: .utf8)
            chmod("\(directory)/notify-\(index).sh", 0o755)
        }
        let scenario = FailoverScenario(
            config: { index, priority in
                """
                vrrp_script check_haproxy {
                    script "/bin/sh -c '! test -e \(directory)/fail-\(index)'"
                    interval 1
                    fall 2
                    rise 2
                }
                vrrp_instance test_instance {
                    interface eth0
                    track_interface {
                        eth0
                        eth1
                    }
                    state BACKUP
                    virtual_router_id 50
                    priority \(priority)
                    nopreempt
                    unicast_src_ip 192.0.2.1\(index)
                    unicast_peer {
                        192.0.2.1\(3 - index)
                    }
                    virtual_ipaddress {
                        192.0.2.53 dev eth0
                    }
                    track_script {
                        check_haproxy
                    }
                    notify \(directory)/notify-\(index).sh
                }
                """
            },
            vip: "192.0.2.53", vipInterface: "eth0", instance: "test_instance", version: .v2,
            advertInterval: .seconds(1), nopreempt: true)
        try scenario.run(in: lab)
        let log = (try? String(contentsOfFile: "\(directory)/notify-2.log", encoding: .utf8)) ?? ""
        let lines = log.split(separator: "\n").map(String.init)
        // n2: BACKUP at start, MASTER after the SIGKILL, then STOP at SIGTERM: in that order.
        #expect(lines.first == "INSTANCE test_instance BACKUP 100", "\(lines)")
        #expect(lines.contains("INSTANCE test_instance MASTER 100"), "\(lines)")
        #expect(lines.last?.hasPrefix("INSTANCE test_instance STOP") == true, "\(lines)")
        if let master = lines.firstIndex(of: "INSTANCE test_instance MASTER 100"), let backup = lines.firstIndex(of: "INSTANCE test_instance BACKUP 100") {
            #expect(backup < master)
        }
    }

    /// A failing weight-0 track_script puts the master in FAULT: it releases the VIP, the backup
    /// takes over, notify sees FAULT; a tracked interface losing its carrier does the same.
    @Test func failingScriptAndLostCarrierMoveTheVIP() throws {
        let lab = try KarunLab("fault")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"]), ("eth1", [])])
        try lab.host("n2", [("eth0", ["192.0.2.12/24"]), ("eth1", [])])
        let directory = lab.directory
        let config: (Int, Int) -> String = { index, priority in
            """
            vrrp_script chk {
                script "/bin/sh -c '! test -e \(directory)/fail-\(index)'"
                interval 1
                fall 2
                rise 2
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 60
                priority \(priority)
                advert_int 0.1
                version 3
                track_interface {
                    eth1
                }
                virtual_ipaddress {
                    192.0.2.60/24
                }
                track_script {
                    chk
                }
                notify "/bin/sh -c 'echo \\"$0 $1 $2 $3\\" >> \(directory)/notify-\(index).log'"
            }
            """
        }
        let first = try lab.start("n1", config: config(1, 150))
        let second = try lab.start("n2", config: config(2, 100))
        #expect(lab.wait(timeout: 5) { first.state("VI_1") == "MASTER" && second.state("VI_1") == "BACKUP" } != nil, "\(first.log)")
        _ = FileManager.default.createFile(atPath: "\(directory)/fail-1", contents: nil)
        #expect(lab.wait(timeout: 5) { first.state("VI_1") == "FAULT" } != nil, "script failure → FAULT\n\(first.log)")
        #expect(lab.wait(timeout: 2) { lab.holds("n2", "eth0", "192.0.2.60") && !lab.holds("n1", "eth0", "192.0.2.60") } != nil)
        try FileManager.default.removeItem(atPath: "\(directory)/fail-1")
        #expect(lab.wait(timeout: 6) { first.state("VI_1") == "MASTER" } != nil, "recovered and preempted back")
        // Carrier loss on a tracked interface (the switch port goes down).
        try Lab.check(["ip", "-n", lab.namespace("n1"), "link", "set", "eth1", "down"])
        #expect(lab.wait(timeout: 2) { first.state("VI_1") == "FAULT" } != nil, "track_interface down → FAULT")
        #expect(lab.wait(timeout: 2) { lab.holds("n2", "eth0", "192.0.2.60") } != nil)
        try Lab.check(["ip", "-n", lab.namespace("n1"), "link", "set", "eth1", "up"])
        #expect(lab.wait(timeout: 3) { first.state("VI_1") == "MASTER" } != nil)
        first.kill(SIGTERM)
        second.kill(SIGTERM)
        _ = first.wait(timeout: 5)
        _ = second.wait(timeout: 5)
        let lines = ((try? String(contentsOfFile: "\(directory)/notify-1.log", encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
        let states = lines.map { $0.split(separator: " ").dropFirst(2).first.map(String.init) ?? "" }
        #expect(states == ["BACKUP", "MASTER", "FAULT", "BACKUP", "MASTER", "FAULT", "BACKUP", "MASTER", "STOP"], "\(lines)")
    }

    /// Weighted tracking: the master's failing script lowers it below the backup, which preempts.
    @Test func weightedScriptFailureLowersThePriorityAndMovesTheVIP() throws {
        let lab = try KarunLab("wght")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        try lab.host("n2", [("eth0", ["192.0.2.12/24"])])
        let directory = lab.directory
        let config: (Int, Int) -> String = { index, priority in
            """
            vrrp_script chk {
                script "/bin/sh -c '! test -e \(directory)/fail-\(index)'"
                interval 1
                weight -60
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 61
                priority \(priority)
                advert_int 0.1
                version 3
                virtual_ipaddress {
                    192.0.2.61/24
                }
                track_script {
                    chk
                }
            }
            """
        }
        let first = try lab.start("n1", config: config(1, 150))
        let second = try lab.start("n2", config: config(2, 100))
        #expect(lab.wait(timeout: 5) { first.state("VI_1") == "MASTER" && second.state("VI_1") == "BACKUP" } != nil)
        _ = FileManager.default.createFile(atPath: "\(directory)/fail-1", contents: nil)
        #expect(lab.wait(timeout: 5) { second.state("VI_1") == "MASTER" && first.state("VI_1") == "BACKUP" } != nil)
        #expect(first.instance("VI_1")?["effective_priority"] as? Int == 90)
        #expect(lab.wait(timeout: 1) { lab.holds("n2", "eth0", "192.0.2.61") && !lab.holds("n1", "eth0", "192.0.2.61") } != nil)
    }

    /// A hung script is killed at its timeout (with what it started) and counts as a failure.
    @Test func hungScriptIsKilledAtItsTimeout() throws {
        let lab = try KarunLab("hung")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        let marker = "31.\(getpid() % 1000)"
        let node = try lab.start("n1", config: """
            vrrp_script hang {
                script "/bin/sh -c 'sleep \(marker) & wait'"
                interval 2
                timeout 1
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 62
                priority 100
                advert_int 0.1
                version 3
                virtual_ipaddress {
                    192.0.2.62/24
                }
                track_script {
                    hang
                }
            }
            """)
        // The instance waits in INIT for the script's first result, a failure: FAULT.
        #expect(lab.wait(timeout: 4) { node.state("VI_1") == "FAULT" } != nil, "\(node.log)")
        usleep(300_000)
        let leftovers = (try? Lab.run(["pgrep", "-f", "sleep \(marker)"]).output) ?? ""
        #expect(lab.wait(timeout: 2) { ((try? Lab.run(["pgrep", "-f", "sleep \(marker)"]).output) ?? "").isEmpty } != nil,
                "the script's process group was killed, left: \(leftovers)")
        #expect(node.log.contains("timed out") || node.log.contains("timeout"), "\(node.log)")
        node.kill(SIGTERM)
        #expect(node.wait(timeout: 5) == 0)
    }
}
