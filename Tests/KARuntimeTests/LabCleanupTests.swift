import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

/// Crash-safe cleanup (issue 15): every address karun adds carries keepalived's IFA_PROTO tag, and
/// what a killed run left (VIPs, tagged addresses, protocol-18 routes and rules, VMACs) is removed
/// at the next start and by `karun cleanup` / `karun --cleanup`.
extension LabRobustnessTests {
    /// VI_1 (192.0.2.97 and a route) is shared with the peer; `VI_2` (192.0.2.98), on n1 only,
    /// is the part a later configuration drops.
    static func crashConfig(priority: Int, withVI2: Bool) -> String {
        """
        vrrp_instance VI_1 {
            state BACKUP
            interface eth0
            virtual_router_id 97
            version 3
            priority \(priority)
            advert_int 0.2
            virtual_ipaddress {
                192.0.2.97/24
            }
            virtual_routes {
                198.51.100.0/24 via 192.0.2.254
            }
        }
        \(withVI2 ? """
            vrrp_instance VI_2 {
                interface eth0
                virtual_router_id 96
                version 3
                priority 100
                advert_int 0.2
                virtual_ipaddress {
                    192.0.2.98/24
                }
            }
            """ : "")
        """
    }

    static func tagged(_ lab: KarunLab, _ host: String) -> [ProtocolTaggedAddress] {
        (try? NetworkNamespace.with(lab.namespace(host)) { try RouteNetlink().addressesWithProtocol() }) ?? []
    }

    /// Routes (every table) and rules of protocol 18, as iproute2 lists them ("proto keepalived").
    static func protocol18Routes(_ lab: KarunLab, _ host: String) -> String {
        let listings = [["route", "show", "table", "all"], ["-6", "route", "show", "table", "all"], ["rule", "show"], ["-6", "rule", "show"]]
        return listings.flatMap { command in
            ((try? Lab.run(["ip", "-n", lab.namespace(host), "-d"] + command).output) ?? "").split(separator: "\n")
                .filter { $0.contains("proto keepalived") || $0.hasSuffix("proto 18") || $0.contains("proto 18 ") }
        }.joined(separator: "\n")
    }

    /// karun is SIGKILLed while MASTER with its link up (so its VIPs stay on the segment, as after
    /// a real crash), keepalived takes over, and karun comes back as BACKUP with a configuration
    /// that has dropped an instance since: at start it removes the configured VIP, the dropped
    /// instance's VIP (by its tag) and the route, before it joins; no address is then held twice.
    @Test func aKilledMasterRestartedAsBackupLeavesNoVIPTwice() throws {
        guard KeepalivedNode.isInstalled else { return }
        let lab = try LabFailoverTests.lab("crash")
        defer { lab.tearDown() }
        let vips = ["192.0.2.97", "192.0.2.98"]
        let karun = try lab.start("n1", config: Self.crashConfig(priority: 150, withVI2: true), name: "n1")
        let keepalived = try lab.startKeepalived("n2", config: Self.crashConfig(priority: 100, withVI2: false), name: "n2")
        #expect(lab.wait(timeout: 5) {
            karun.state("VI_1") == "MASTER" && keepalived.state("VI_1") == "BACKUP" && vips.allSatisfy { lab.holds("n1", "eth0", $0) }
        } != nil, "election\n\(karun.log)\n\(keepalived.log)")

        // Every address karun added carries the tag; the interface's own address does not.
        let tags = Dictionary(Self.tagged(lab, "n1").map { ($0.address.description, $0.addressProtocol) }, uniquingKeysWith: { a, _ in a })
        for vip in vips { #expect(tags[vip] == AddressProtocolTable.keepalivedProtocol(), "\(vip) tagged: \(tags)") }
        #expect(tags["192.0.2.11"] == 0, "the host's own address is not tagged: \(tags)")
        #expect(Self.protocol18Routes(lab, "n1").contains("198.51.100.0/24"), "the virtual route has protocol 18")

        karun.kill(SIGKILL)
        _ = karun.wait(timeout: 3)
        #expect(lab.wait(timeout: 3) { lab.holds("n2", "eth0", "192.0.2.97") } != nil, "keepalived took over")
        #expect(vips.allSatisfy { lab.holds("n1", "eth0", $0) }, "the killed run left its VIPs on n1: both nodes hold 192.0.2.97 now")

        // Back with priority 50 and without VI_2: BACKUP beside keepalived's MASTER.
        let restarted = try lab.start("n1", config: Self.crashConfig(priority: 50, withVI2: false), name: "n1-b")
        let cleaned = lab.wait(timeout: 2) {
            !vips.contains { lab.holds("n1", "eth0", $0) } && !Self.protocol18Routes(lab, "n1").contains("198.51.100.0/24")
        }
        #expect(cleaned != nil, "at start karun removed the VIPs and the route it left:\n\(restarted.log)")
        #expect(restarted.log.contains("192.0.2.98/24 on eth0, tagged by a VRRP daemon"), "the dropped VIP went by its tag\n\(restarted.log)")
        #expect(lab.wait(timeout: 3) { restarted.state("VI_1") == "BACKUP" } != nil)
        // For a few adverts: 192.0.2.97 on keepalived's node alone, 192.0.2.98 nowhere.
        let until = Date().addingTimeInterval(1.2)
        var wrong: [String] = []
        while Date() < until {
            if lab.holds("n1", "eth0", "192.0.2.97") || !lab.holds("n2", "eth0", "192.0.2.97") { wrong.append("192.0.2.97 not on n2 alone") }
            if lab.holds("n1", "eth0", "192.0.2.98") || lab.holds("n2", "eth0", "192.0.2.98") { wrong.append("192.0.2.98 held") }
            usleep(50_000)
        }
        #expect(wrong.isEmpty, "\(Set(wrong))")
        #expect(keepalived.state("VI_1") == "MASTER")
        restarted.kill(SIGTERM)
        keepalived.kill(SIGTERM)
        _ = restarted.wait(timeout: 5)
        _ = keepalived.wait(timeout: 5)
    }

    /// `karun cleanup CONFIG` after a SIGKILL removes the VIPs (the one dropped from the file
    /// since by its tag), the VMAC, the route and the rule; it keeps an untagged address and a
    /// tagged one on an interface the configuration does not use. `karun --cleanup` then finds
    /// nothing left.
    @Test func cleanupRemovesWhatAKilledRunLeft() throws {
        let lab = try LabFailoverTests.lab("clean")
        defer { lab.tearDown() }
        func config(vips: [String]) -> String {
            """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 98
                priority 150
                advert_int 0.2
                version 3
                virtual_ipaddress {
            \(vips.map { "        \($0)/24" }.joined(separator: "\n"))
                }
                virtual_routes {
                    198.51.100.0/24 via 192.0.2.254
                }
                virtual_rules {
                    from 203.0.113.0/24 table 100
                }
            }
            vrrp_instance VI_2 {
                interface eth0
                use_vmac
                vmac_xmit_base
                virtual_router_id 99
                priority 150
                advert_int 0.2
                version 3
                virtual_ipaddress {
                    192.0.2.99/24
                }
            }
            """
        }
        let path = "\(lab.directory)/n1.conf"
        let node = try lab.start("n1", config: config(vips: ["192.0.2.97", "192.0.2.98"]), name: "n1")
        #expect(lab.wait(timeout: 4) {
            node.state("VI_1") == "MASTER" && node.state("VI_2") == "MASTER" && lab.holds("n1", "vrrp.99", "192.0.2.99")
        } != nil, "\(node.log)")
        try Lab.check(["ip", "-n", lab.namespace("n1"), "addr", "add", "192.0.2.150/24", "dev", "eth0"])
        try NetworkNamespace.with(lab.namespace("n1")) {
            let netlink = try RouteNetlink()
            let loopback = try #require(netlink.link(named: "lo"))
            try netlink.addAddress(AddressSpec(address: "198.51.100.7", prefixLength: 32, ifindex: loopback.index))
        }
        node.kill(SIGKILL)
        _ = node.wait(timeout: 3)
        #expect(Self.protocol18Routes(lab, "n1").contains("203.0.113.0/24"), "the killed run left its rule")

        try config(vips: ["192.0.2.97"]).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Lab.run(["ip", "netns", "exec", lab.namespace("n1"), KarunProcess.executable, "cleanup", path])
        #expect(run.status == 0, "\(run.output)")
        for vip in ["192.0.2.97", "192.0.2.98"] { #expect(!lab.holds("n1", "eth0", vip), "\(vip) removed\n\(run.output)") }
        #expect(lab.addresses("n1", "vrrp.99").isEmpty && lab.mac("n1", "vrrp.99") == nil, "the VMAC is gone\n\(run.output)")
        #expect(Self.protocol18Routes(lab, "n1").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "no protocol-18 route or rule is left: \(Self.protocol18Routes(lab, "n1"))")
        #expect(lab.holds("n1", "eth0", "192.0.2.150"), "an untagged address stays")
        #expect(lab.holds("n1", "lo", "198.51.100.7"), "a tagged address on an interface the configuration does not use stays")
        #expect(lab.holds("n1", "eth0", "192.0.2.11"), "the host's own address stays")

        let again = try Lab.run(["ip", "netns", "exec", lab.namespace("n1"), KarunProcess.executable, "--cleanup", path])
        #expect(again.status == 0 && again.output.contains("0 leftover(s) removed"), "\(again.output)")
    }
}
