import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

/// karun's start-up self-check (issue 15), each warning in a namespace set up to trigger it and in
/// one that must not: a firewall dropping VRRP on the instance's interface (nft and iptables,
/// read live), VMAC-breaking rp_filter / arp_ignore / arp_filter values, a snooping bridge without
/// querier, and IPv6 duplicate address detection trouble.
extension LabRobustnessTests {
    /// Starts karun on `host` with `config`, lets it come up, stops it; its self-check lines.
    static func selfCheck(_ lab: KarunLab, _ host: String, _ config: String, name: String, whileRunning: (KarunProcess) throws -> Void = { _ in }) throws -> [String] {
        let node = try lab.start(host, config: config, name: name)
        #expect(lab.wait(timeout: 5) { node.state("VI_1") != nil } != nil, "\(name): karun answers\n\(node.log)")
        try whileRunning(node)
        node.kill(SIGTERM)
        #expect(node.wait(timeout: 5) == 0, "\(name): stops cleanly\n\(node.log)")
        return node.log.split(separator: "\n").map(String.init).filter { $0.contains("self-check:") }
    }

    static func instance(interface: String = "eth0", vrid: Int = 40, vip: String = "192.0.2.40/24", extra: String = "") -> String {
        """
        vrrp_instance VI_1 {
            interface \(interface)
            virtual_router_id \(vrid)
            priority 100
            advert_int 0.2
            version 3
        \(extra)
            virtual_ipaddress {
                \(vip)
            }
        }
        """
    }

    @Test func selfCheckFindsAFirewallDroppingVRRP() throws {
        let lab = try LabFailoverTests.lab("scfw")
        defer { lab.tearDown() }
        let namespace = lab.namespace("n1")
        func nft(_ script: String) throws {
            let path = "\(lab.directory)/rules.nft"
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            try Lab.check(["ip", "netns", "exec", namespace, "nft", "-f", path])
        }
        let clean = try Self.selfCheck(lab, "n1", Self.instance(), name: "clean")
        #expect(clean.isEmpty, "no ruleset, nothing to say: \(clean)")

        try nft("""
            table inet filter {
                chain input {
                    type filter hook input priority 0; policy accept;
                    iifname "eth0" ip protocol vrrp drop
                }
            }
            """)
        let dropped = try Self.selfCheck(lab, "n1", Self.instance(), name: "nft-drop")
        #expect(dropped.count == 1 && dropped.first?.contains("(VI_1) the firewall (nft list ruleset) drops its VRRP adverts") == true, "\(dropped)")
        #expect(dropped.first?.contains("fix: nft insert rule inet filter input iifname \"eth0\" ip daddr 224.0.0.18 ip protocol vrrp accept") == true, "\(dropped)")

        try Lab.check(["ip", "netns", "exec", namespace, "nft", "flush", "ruleset"])
        try nft("""
            table inet filter {
                chain input {
                    type filter hook input priority 0; policy drop;
                    iifname "eth1" ip protocol vrrp drop
                    iifname "eth0" ip protocol vrrp accept
                }
            }
            """)
        let allowed = try Self.selfCheck(lab, "n1", Self.instance(), name: "nft-allow")
        #expect(allowed.isEmpty, "VRRP accepted on eth0 (a drop on eth1 does not concern it): \(allowed)")

        try Lab.check(["ip", "netns", "exec", namespace, "nft", "flush", "ruleset"])
        try Lab.check(["ip", "netns", "exec", namespace, "iptables", "-A", "INPUT", "-i", "eth0", "-p", "vrrp", "-j", "DROP"])
        let iptables = try Self.selfCheck(lab, "n1", Self.instance(), name: "iptables-drop")
        #expect(iptables.count == 1 && iptables.first?.contains("the firewall (iptables-save) drops its VRRP adverts") == true
                && iptables.first?.contains("fix: iptables -I INPUT -i eth0 -d 224.0.0.18/32 -p vrrp -j ACCEPT") == true,
                "one warning for the iptables rule, fixed with iptables: \(iptables)")
    }

    /// A rule added while karun runs is found after the next SIGHUP: the dumps run on a thread of
    /// their own, so the loop keeps answering while they do.
    @Test func selfCheckReadsTheFirewallAgainAfterAReload() throws {
        let lab = try LabFailoverTests.lab("scfr")
        defer { lab.tearDown() }
        let namespace = lab.namespace("n1")
        let lines = try Self.selfCheck(lab, "n1", Self.instance(), name: "reload") { node in
            #expect(!node.log.contains("self-check:"), "nothing to say at start\n\(node.log)")
            let path = "\(lab.directory)/rules.nft"
            try """
                table inet filter {
                    chain input {
                        type filter hook input priority 0; policy accept;
                        iifname "eth0" ip protocol vrrp drop
                    }
                }
                """.write(toFile: path, atomically: true, encoding: .utf8)
            try Lab.check(["ip", "netns", "exec", namespace, "nft", "-f", path])
            node.kill(SIGHUP)
            #expect(lab.wait(timeout: 5) { node.log.contains("Reload done") } != nil, "reloads\n\(node.log)")
            #expect(lab.wait(timeout: 5) { node.log.contains("drops its VRRP adverts") } != nil, "the new rule is found\n\(node.log)")
            #expect(node.state("VI_1") != nil, "karun still answers")
        }
        #expect(lines.count == 1 && lines.first?.contains("(VI_1) the firewall (nft list ruleset) drops its VRRP adverts") == true, "\(lines)")
    }

    @Test func selfCheckFindsSysctlsThatBreakVMAC() throws {
        let lab = try LabFailoverTests.lab("scvm")
        defer { lab.tearDown() }
        let namespace = lab.namespace("n1")
        func sysctl(_ settings: String...) throws {
            try Lab.check(["ip", "netns", "exec", namespace, "sysctl", "-qw"] + settings)
        }
        let config = Self.instance(vrid: 41, vip: "192.0.2.41/24", extra: "    use_vmac")
        let clean = try Self.selfCheck(lab, "n1", config, name: "vmac-clean")
        #expect(clean.isEmpty, "karun's own VMAC settings break nothing: \(clean)")

        try sysctl("net.ipv4.conf.all.arp_filter=1", "net.ipv4.conf.all.arp_ignore=8")
        let broken = try Self.selfCheck(lab, "n1", config, name: "vmac-arp")
        #expect(broken.contains { $0.contains("arp_filter is on for VMAC vrrp.41") && $0.contains("fix: sysctl -w net.ipv4.conf.all.arp_filter=0 net.ipv4.conf.vrrp/41.arp_filter=0") }, "\(broken)")
        #expect(broken.contains { $0.contains("arp_ignore is 8 on VMAC vrrp.41") }, "\(broken)")
        try sysctl("net.ipv4.conf.all.arp_filter=0", "net.ipv4.conf.all.arp_ignore=0")

        // rp_filter: karun sets it at start; turned back on behind its back, the reload's check says so.
        let reloaded = try Self.selfCheck(lab, "n1", config, name: "vmac-rp") { node in
            try sysctl("net.ipv4.conf.vrrp/41.rp_filter=1")
            node.kill(SIGHUP)
            #expect(lab.wait(timeout: 3) { node.log.contains("Reload done") } != nil)
        }
        #expect(reloaded.count == 1 && reloaded.first?.contains("rp_filter is 1 on VMAC vrrp.41") == true, "\(reloaded)")
    }

    @Test func selfCheckFindsASnoopingBridgeWithoutQuerier() throws {
        let lab = try LabFailoverTests.lab("scbr", ipv6: true)
        defer { lab.tearDown() }
        let namespace = lab.namespace("n1")
        try Lab.check(["ip", "-n", namespace, "link", "add", "br0", "type", "bridge", "mcast_snooping", "1", "mcast_querier", "0"])
        try Lab.check(["ip", "-n", namespace, "link", "set", "eth0", "master", "br0"])
        try Lab.check(["ip", "-n", namespace, "addr", "add", "2001:db8::21/64", "dev", "br0", "nodad"])
        try Lab.check(["ip", "-n", namespace, "addr", "add", "192.0.2.21/24", "dev", "br0"])
        try Lab.check(["ip", "-n", namespace, "link", "set", "br0", "up"])
        lab.waitForLinkLocal()
        let ipv6 = Self.instance(interface: "br0", vrid: 42, vip: "2001:db8::42/64")
        let snooping = try Self.selfCheck(lab, "n1", ipv6, name: "br-v6")
        #expect(snooping.count == 1 && snooping.first?.contains("bridge br0 snoops multicast and is no querier") == true
                && snooping.first?.contains("ff02::12") == true, "\(snooping)")
        let ipv4 = try Self.selfCheck(lab, "n1", Self.instance(interface: "br0", vrid: 43, vip: "192.0.2.43/24"), name: "br-v4")
        #expect(ipv4.isEmpty, "224.0.0.18 is flooded whatever the bridge snoops: \(ipv4)")
        try Lab.check(["ip", "-n", namespace, "link", "set", "br0", "type", "bridge", "mcast_querier", "1"])
        let querier = try Self.selfCheck(lab, "n1", ipv6, name: "br-querier")
        #expect(querier.isEmpty, "the bridge is the querier: \(querier)")
    }

    @Test func selfCheckFindsIPv6DuplicateAddressDetectionTrouble() throws {
        let lab = try LabFailoverTests.lab("scdad", ipv6: true)
        defer { lab.tearDown() }
        let namespace = lab.namespace("n1")
        func sysctl(_ settings: String...) throws {
            try Lab.check(["ip", "netns", "exec", namespace, "sysctl", "-qw"] + settings)
        }
        let plain = Self.instance(vrid: 44, vip: "2001:db8::44/64")
        let withDAD = Self.instance(vrid: 44, vip: "2001:db8::44/64 -nodad")
        #expect(try Self.selfCheck(lab, "n1", plain, name: "dad-clean").isEmpty)

        try sysctl("net.ipv6.conf.eth0.accept_dad=1")
        let nodad = try Self.selfCheck(lab, "n1", plain, name: "dad-on-nodad")
        #expect(nodad.isEmpty, "VIPs added with nodad are spared DAD: \(nodad)")
        let dad = try Self.selfCheck(lab, "n1", withDAD, name: "dad-vip")
        #expect(dad.count == 1 && dad.first?.contains("VIP 2001:db8::44 is added with duplicate address detection (-nodad) on eth0") == true, "\(dad)")

        // n2 has 2001:db8::12; n1 claims it too, with DAD: it fails there.
        try Lab.check(["ip", "-n", namespace, "addr", "add", "2001:db8::12/64", "dev", "eth0"])
        #expect(lab.wait(timeout: 5) {
            ((try? Lab.run(["ip", "-n", namespace, "-6", "addr", "show", "dev", "eth0", "dadfailed"]).output) ?? "").contains("2001:db8::12")
        } != nil, "the duplicate failed DAD")
        let failed = try Self.selfCheck(lab, "n1", plain, name: "dad-failed")
        #expect(failed.count == 1 && failed.first?.contains("eth0 2001:db8::12/64 failed duplicate address detection") == true, "\(failed)")
        try Lab.check(["ip", "-n", namespace, "addr", "del", "2001:db8::12/64", "dev", "eth0"])

        // A link-local address in a long DAD (10 probes a second apart) when karun starts.
        try sysctl("net.ipv6.conf.eth0.dad_transmits=10", "net.ipv6.neigh.eth0.retrans_time_ms=1000")
        try Lab.check(["ip", "-n", namespace, "-6", "addr", "flush", "dev", "eth0", "scope", "link"])
        try Lab.check(["ip", "-n", namespace, "addr", "add", "fe80::11/64", "dev", "eth0"])
        let tentative = try Self.selfCheck(lab, "n1", plain, name: "dad-tentative")
        #expect(tentative.contains { $0.contains("eth0 the link-local address fe80::11 is still tentative") }, "\(tentative)")
    }
}
