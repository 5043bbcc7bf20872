import Testing
@testable import KAConfig
@testable import KALint

@Suite struct FirewallHintsTests {
    private let multicast = FirewallFixture.multicast("VI_1")
    private let unicast = FirewallFixture.unicast("VI_2", peers: ["192.0.2.2", "192.0.2.3"])

    @Test func multicastIPv4Rules() {
        #expect(FirewallHints.nftables(for: [multicast]) == [
            "# VRRP adverts for VI_1 (IPv4 multicast on eth0)",
            #"nft add rule inet filter input iifname "eth0" ip daddr 224.0.0.18 ip protocol vrrp accept"#,
        ])
        #expect(FirewallHints.iptables(for: [multicast]) == [
            "# VRRP adverts for VI_1 (IPv4 multicast on eth0)",
            "iptables -A INPUT -i eth0 -d 224.0.0.18/32 -p vrrp -j ACCEPT",
        ])
    }

    @Test func unicastRulesNameEachPeer() {
        #expect(FirewallHints.nftables(for: [unicast]) == [
            "# VRRP adverts for VI_2 (IPv4 unicast on eth1)",
            #"nft add rule inet filter input iifname "eth1" ip saddr { 192.0.2.2, 192.0.2.3 } ip daddr 192.0.2.1 ip protocol vrrp accept"#,
        ])
        #expect(FirewallHints.iptables(for: [unicast]) == [
            "# VRRP adverts for VI_2 (IPv4 unicast on eth1)",
            "iptables -A INPUT -i eth1 -s 192.0.2.2/32 -d 192.0.2.1/32 -p vrrp -j ACCEPT",
            "iptables -A INPUT -i eth1 -s 192.0.2.3/32 -d 192.0.2.1/32 -p vrrp -j ACCEPT",
        ])
    }

    @Test func unknownFieldsAreLeftOutNotGuessed() {
        let need = FirewallFixture.unicast("VI_3", interface: nil, peers: ["192.0.2.9"], local: nil)
        let nft = FirewallHints.nftables(for: [need])
        #expect(nft == [
            "# VRRP adverts for VI_3 (IPv4 unicast)",
            "nft add rule inet filter input ip saddr 192.0.2.9 ip protocol vrrp accept",
        ])
        let ipt = FirewallHints.iptables(for: [need])
        #expect(ipt == ["# VRRP adverts for VI_3 (IPv4 unicast)", "iptables -A INPUT -s 192.0.2.9/32 -p vrrp -j ACCEPT"])
        #expect(!ipt[1].contains(" -i ") && !ipt[1].contains(" -d "))
    }

    @Test func authenticationHeaderUsesProtocol51OnlyWhenAsked() {
        let ah = FirewallFixture.multicast("VI_AH", ah: true)
        #expect(FirewallHints.nftables(for: [ah])[1].hasSuffix("ip protocol ah accept"))
        #expect(FirewallHints.iptables(for: [ah])[1] == "iptables -A INPUT -i eth0 -d 224.0.0.18/32 -p ah -j ACCEPT")
        #expect(FirewallHints.nftables(for: [ah])[0] == "# VRRP adverts for VI_AH (IPv4 multicast on eth0, AH authentication)")
        for line in FirewallHints.iptables(for: [multicast, unicast]) + FirewallHints.nftables(for: [multicast, unicast]) {
            #expect(!line.contains(" ah"), "plain VRRP must not open protocol 51: \(line)")
        }
    }

    @Test func ipv6UsesIp6tablesAndNexthdr() {
        let v6 = FirewallFixture.multicast("VI_6", family: .ipv6, interface: "bond0")
        #expect(FirewallHints.nftables(for: [v6]) == [
            "# VRRP adverts for VI_6 (IPv6 multicast on bond0)",
            #"nft add rule inet filter input iifname "bond0" ip6 daddr ff02::12 ip6 nexthdr vrrp accept"#,
        ])
        #expect(FirewallHints.iptables(for: [v6]) == [
            "# VRRP adverts for VI_6 (IPv6 multicast on bond0)",
            "ip6tables -A INPUT -i bond0 -d ff02::12/128 -p vrrp -j ACCEPT",
        ])
        let peers = VRRPTrafficNeed(
            instance: "VI_7", family: .ipv6, interface: "eth0", unicastPeers: ["2001:DB8::0:2"], localAddress: "2001:db8::1")
        #expect(FirewallHints.iptables(for: [peers])[1] == "ip6tables -A INPUT -i eth0 -s 2001:db8::2/128 -d 2001:db8::1/128 -p vrrp -j ACCEPT")
    }

    @Test func instancesSharingAFlowShareOneRule() {
        let second = FirewallFixture.multicast("VI_9")
        let lines = FirewallHints.iptables(for: [multicast, unicast, second])
        #expect(lines.first == "# VRRP adverts for VI_1, VI_9 (IPv4 multicast on eth0)")
        #expect(lines.filter { $0 == "iptables -A INPUT -i eth0 -d 224.0.0.18/32 -p vrrp -j ACCEPT" }.count == 1)
        #expect(lines.count == 2 + 3)
    }

    /// Needs grouped in runs (the previous group, without hashing) and apart (a hashed lookup)
    /// give the same groups; a name written twice is named once unless the caller vouches that
    /// names are distinct.
    @Test func runsAndScatteredNeedsGroupAlike() {
        let needs = [
            FirewallFixture.multicast("VI_1"), FirewallFixture.multicast("VI_4"), unicast, FirewallFixture.multicast("VI_3"),
            FirewallFixture.multicast("VI_1"),
        ]
        let (nft, iptables) = FirewallHints.hints(for: needs)
        #expect(nft.first == "# VRRP adverts for VI_1, VI_4, VI_3 (IPv4 multicast on eth0)")
        #expect(iptables.first == "# VRRP adverts for VI_1, VI_4, VI_3 (IPv4 multicast on eth0)")
        #expect(iptables == FirewallHints.iptables(for: needs))
        #expect(nft == FirewallHints.nftables(for: needs))
        let distinct = FirewallHints.hints(for: Array(needs.dropLast()), distinctNames: true)
        #expect(distinct.iptables == FirewallHints.iptables(for: Array(needs.dropLast())))
        #expect(distinct.nftables.count == 4)
    }

    /// A comment names up to 12 instances; past that, the first 10 and how many more (a name
    /// written twice counted once), so that a hint for thousands of instances stays a line.
    @Test func manyInstancesAreCountedNotListed() {
        let twelve = (1...12).map { FirewallFixture.multicast("VI_\($0)") }
        #expect(FirewallHints.nftables(for: twelve)[0] == "# VRRP adverts for " + (1...12).map { "VI_\($0)" }.joined(separator: ", ") + " (IPv4 multicast on eth0)")
        let thirteen = twelve + [FirewallFixture.multicast("VI_13")]
        let first = "# VRRP adverts for " + (1...10).map { "VI_\($0)" }.joined(separator: ", ")
        #expect(FirewallHints.nftables(for: thirteen)[0] == first + " and 3 more (IPv4 multicast on eth0)")
        // Written twice: one name, whether the repeat falls among the shown names or after them.
        let repeated = thirteen + [FirewallFixture.multicast("VI_2"), FirewallFixture.multicast("VI_13")]
        #expect(FirewallHints.iptables(for: repeated)[0] == first + " and 3 more (IPv4 multicast on eth0)")
        let thousands = (0..<20_000).map { FirewallFixture.multicast("VI_\($0)") }
        let (nft, iptables) = FirewallHints.hints(for: thousands, distinctNames: true)
        let many = "# VRRP adverts for " + (0..<10).map { "VI_\($0)" }.joined(separator: ", ") + " and 19990 more (IPv4 multicast on eth0)"
        #expect(nft.first == many && iptables.first == many && nft.count == 2 && iptables.count == 2)
        // Eleven with one repeated: all named, none counted twice.
        let eleven = (1...11).map { FirewallFixture.multicast("VI_\($0)") } + [FirewallFixture.multicast("VI_5")]
        #expect(FirewallHints.nftables(for: eleven)[0] == "# VRRP adverts for " + (1...11).map { "VI_\($0)" }.joined(separator: ", ") + " (IPv4 multicast on eth0)")
    }

    /// The needs the rule reads are the instances' needs, in the model's order, as the
    /// firewall check reads them with their indices.
    @Test func trafficNeedsAreTheIndexedNeeds() {
        let text = """
            vrrp_instance A {
                interface eth0
                virtual_router_id 1
                priority 100
                virtual_ipaddress {
                    192.0.2.10/24
                }
            }
            vrrp_instance B {
                interface eth1
                virtual_router_id 2
                priority 100
                unicast_src_ip 192.0.2.2
                unicast_peer {
                    192.0.2.3
                }
                virtual_ipaddress {
                    192.0.2.11/24
                }
            }
            vrrp_instance C {
                interface eth0
                virtual_router_id 3
                priority 100
                virtual_ipaddress {
                    2001:db8::10/64
                }
            }

            """
        let node = LintNode(Analyzer.analyze(path: "n.conf", text: text))
        let indexed = FirewallNeeds.needs(for: node)
        #expect(indexed.map(\.index) == [0, 1, 2])
        #expect(FirewallNeeds.trafficNeeds(for: node) == indexed.map(\.need))
        #expect(FirewallNeeds.trafficNeeds(for: node).map(\.instance) == ["A", "B", "C"])
        #expect(FirewallNeeds.trafficNeeds(for: node)[2].family == .ipv6)
        #expect(FirewallNeeds.trafficNeeds(for: node)[1].unicastPeers == ["192.0.2.3"])
    }

    @Test func tableAndChainCanBeChosen() {
        let lines = FirewallHints.nftables(for: [multicast], table: "ip filter", chain: "INPUT")
        #expect(lines[1].hasPrefix("nft add rule ip filter INPUT iifname"))
        #expect(FirewallHints.iptables(for: [multicast], chain: "ufw-before-input")[1].hasPrefix("iptables -A ufw-before-input "))
    }

    @Test func pastedHintsOpenAPolicyDropRuleset() throws {
        let base = try FirewallFixture.text("policy-drop.nft")
        let needs = [multicast, unicast, FirewallFixture.multicast("VI_6", family: .ipv6)]
        #expect(!FirewallRuleset.parse(base).verdict(for: needs[0], peer: "192.0.2.2").accepted)
        let fixed = FirewallRuleset.parse(base + FirewallHints.nftables(for: needs).joined(separator: "\n"))
        for need in needs {
            let verdict = fixed.verdict(for: need, peer: nil)
            #expect(verdict.accepted, "\(verdict.reason)")
        }
    }

    @Test func appendedIptablesHintsWorkBehindUfwButNotBehindACatchAllReject() throws {
        let ufw = try FirewallFixture.text("ubuntu-ufw.iptables")
        #expect(!FirewallRuleset.parse(ufw).verdict(for: multicast, peer: "192.0.2.2").accepted)
        // Commands after a dump change the dumped tables, as on the live system.
        let withHints = FirewallRuleset.parse(ufw + FirewallHints.iptables(for: [multicast, unicast]).joined(separator: "\n"))
        #expect(withHints.verdict(for: multicast, peer: "192.0.2.2").accepted)
        #expect(withHints.verdict(for: unicast, peer: nil).accepted)
        // `-A` lands behind a catch-all REJECT and never runs: the checker says so.
        let rejecting = FirewallRuleset.parse(
            (["iptables -A INPUT -j REJECT"] + FirewallHints.iptables(for: [multicast])).joined(separator: "\n"))
        let verdict = rejecting.verdict(for: multicast, peer: "192.0.2.2")
        #expect(!verdict.accepted)
        #expect(verdict.line == 1)
    }
}
