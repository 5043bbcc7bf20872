import Testing
@testable import KAConfig
@testable import KALint

@Suite struct FirewallNftablesTests {
    private let vi1 = FirewallFixture.multicast("VI_1")

    @Test func policyDropWithoutVRRPRuleDropsAdverts() throws {
        let ruleset = try FirewallFixture.ruleset("policy-drop.nft")
        #expect(ruleset.syntax == .nftables)
        #expect(ruleset.notes.isEmpty)
        let verdict = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(!verdict.accepted)
        #expect(verdict.line == 3)
        #expect(verdict.reason.contains("drop policy of chain input in table inet filter (line 3)"))
        // inet covers IPv6 too.
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: "fe80::2").accepted)
    }

    @Test func policyDropWithVRRPRuleAcceptsOnlyWhatItNames() throws {
        let ruleset = try FirewallFixture.ruleset("policy-drop-vrrp.nft")
        let verdict = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(verdict.accepted && verdict.line == 8)
        #expect(verdict.reason.contains(#"(`iifname "eth0" ip daddr 224.0.0.18 ip protocol vrrp accept comment "keepalived VI_1"`)"#))
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(interface: "eth1"), peer: "192.0.2.2").accepted)
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(ah: true), peer: "192.0.2.2").accepted)
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(group: "224.0.0.28"), peer: "192.0.2.2").accepted)
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: "fe80::2").accepted)
        let unknown = ruleset.verdict(for: FirewallFixture.multicast(interface: nil), peer: "192.0.2.2")
        #expect(!unknown.accepted && unknown.line == 3)
        #expect(unknown.reason.contains(#"when the input interface is not "eth0" (kalint does not know)"#))
    }

    @Test func firewalldZoneWithoutVRRPRejects() throws {
        let ruleset = try FirewallFixture.ruleset("firewalld.nft")
        #expect(ruleset.notes.isEmpty)
        let eth0 = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(!eth0.accepted && eth0.line == 42)
        #expect(eth0.reason.contains("rejected by rule at line 42 in chain filter_INPUT_POLICIES of table inet firewalld"))
        let other = ruleset.verdict(for: FirewallFixture.multicast(interface: "eth1"), peer: "192.0.2.2")
        #expect(!other.accepted && other.line == 45)
        // The IPv6 reverse-path rule uses fib forms kalint does not evaluate: it says so.
        let v6 = ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: "fe80::2")
        #expect(v6.reason.contains("rule at line 26 uses a match kalint does not evaluate: fib saddr . mark . iif oif missing"))
        #expect(!v6.accepted)
    }

    @Test func firewalldRichRuleForVRRPAccepts() throws {
        let ruleset = try FirewallFixture.ruleset("firewalld-vrrp.nft")
        let verdict = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(verdict.accepted && verdict.line == 89)
        #expect(verdict.reason.contains("chain filter_IN_public_allow"))
        // Both base chains (prerouting at mangle + 10, input at filter + 10) let it through.
        #expect(ruleset.verdict(for: FirewallFixture.multicast(interface: "eth7"), peer: "192.0.2.2").accepted)
        let ah = ruleset.verdict(for: FirewallFixture.multicast(ah: true), peer: "192.0.2.2")
        #expect(!ah.accepted && ah.line == 42)
    }

    @Test func unicastRuleAcceptsOneConfiguredPeer() throws {
        let ruleset = try FirewallFixture.ruleset("unicast-one-peer.nft")
        let need = FirewallFixture.unicast(peers: ["192.0.2.2", "192.0.2.3"])
        #expect(ruleset.verdict(for: need, peer: "192.0.2.2").accepted)
        #expect(ruleset.verdict(for: need, peer: "192.0.2.2").line == 6)
        let missing = ruleset.verdict(for: need, peer: nil)
        #expect(!missing.accepted && missing.line == 3)
        #expect(missing.reason.contains("from 192.0.2.3"))
        // Another local address is not the one the rule names.
        let elsewhere = FirewallFixture.unicast(peers: ["192.0.2.2"], local: "192.0.2.10")
        #expect(!ruleset.verdict(for: elsewhere, peer: nil).accepted)
    }

    @Test func authenticationHeaderRuleDoesNotOpenPlainVRRP() throws {
        let ruleset = try FirewallFixture.ruleset("ah-only.nft")
        let ah = ruleset.verdict(for: FirewallFixture.multicast(ah: true), peer: "192.0.2.2")
        #expect(ah.accepted && ah.line == 5)
        #expect(!ruleset.verdict(for: vi1, peer: "192.0.2.2").accepted)
        // Only an ip table: nothing filters IPv6, which nftables then lets through.
        let v6 = ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: nil)
        #expect(v6.accepted && v6.covered && v6.line == nil)
        #expect(v6.reason.contains("no base chain filters IPv6"))
    }

    @Test func ipv6MulticastThroughWildcardInterfaceAndRawDrop() throws {
        let ruleset = try FirewallFixture.ruleset("ipv6-multicast.nft")
        let v6 = ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6, interface: "eth3"), peer: "fe80::2")
        #expect(v6.accepted && v6.line == 6)
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6, interface: "bond0"), peer: nil).accepted)
        #expect(ruleset.verdict(for: vi1, peer: "192.0.2.2").line == 13)
        // The raw prerouting chain (priority raw = -300) runs before input and drops this sender.
        let raw = ruleset.verdict(for: vi1, peer: "198.51.100.7")
        #expect(!raw.accepted && raw.line == 19)
        #expect(raw.reason.contains("chain prerouting of table ip raw"))
    }

    @Test func chainsBeforeConntrackSeeStateInvalid() throws {
        // Checked against the kernel: at priority raw (-300) conntrack has not run yet.
        let ruleset = try FirewallFixture.ruleset("raw-ct-state.nft")
        let verdict = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(verdict.accepted && verdict.line == 12)
        let raw = ruleset.verdict(for: vi1, peer: "198.51.100.7")
        #expect(!raw.accepted && raw.line == 5)
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(ah: true), peer: "192.0.2.2").accepted)
    }

    @Test func scriptFormsDefinesSetsInsertAndVerdictMaps() {
        let text = """
            #!/usr/sbin/nft -f
            flush ruleset
            define LAN_IF = "eth0"
            define PEERS = { 192.0.2.2, 192.0.2.3 }
            table inet filter {
                set vrrp_peers {
                    type ipv4_addr
                    flags interval
                    elements = { 192.0.2.0/28,
                                 198.51.100.7 }
                }
                chain input { type filter hook input priority 0; policy drop; }
                chain vrrp {
                    ip saddr @vrrp_peers accept
                    ip saddr $PEERS accept
                }
            }
            add rule inet filter input iifname $LAN_IF ip protocol vmap { tcp : drop, vrrp : jump vrrp }
            insert rule inet filter input ct state invalid drop
            """
        let ruleset = FirewallRuleset.parse(text)
        #expect(ruleset.syntax == .nftables)
        #expect(ruleset.notes.isEmpty, "\(ruleset.notes)")
        #expect(ruleset.verdict(for: vi1, peer: "192.0.2.9").line == 14)
        #expect(ruleset.verdict(for: vi1, peer: "198.51.100.7").accepted)
        let stranger = ruleset.verdict(for: vi1, peer: "203.0.113.1")
        #expect(!stranger.accepted && stranger.line == 12)
        #expect(!ruleset.verdict(for: FirewallFixture.multicast(interface: "eth1"), peer: "192.0.2.2").accepted)
    }

    @Test func everyBaseChainMustAcceptInPriorityOrder() {
        let text = """
            table ip late {
                chain input {
                    type filter hook input priority 10; policy accept;
                    ip protocol vrrp drop
                }
            }
            table ip early {
                chain input {
                    type filter hook input priority -10; policy drop;
                    ip protocol vrrp accept
                }
            }
            """
        // The early chain accepts, but acceptance only ends one base chain: the later one drops.
        let verdict = FirewallRuleset.parse(text).verdict(for: vi1, peer: nil)
        #expect(!verdict.accepted && verdict.line == 4)
    }

    @Test func pkttypeFibHoplimitAndNegation() {
        let text = """
            table inet filter {
                chain input {
                    type filter hook input priority filter; policy drop;
                    ip ttl != 255 drop
                    ip6 hoplimit < 255 drop
                    meta pkttype != multicast fib daddr type local ip protocol vrrp accept
                    meta pkttype multicast ip daddr != 224.0.0.0/4 drop
                    iifname != { "eth0", "eth1" } drop
                    ip protocol 100-111 accept
                    meta nfproto ipv6 meta l4proto 112 accept
                    fib daddr type multicast ip protocol 112 accept
                }
            }
            """
        let ruleset = FirewallRuleset.parse(text)
        #expect(ruleset.verdict(for: vi1, peer: nil).line == 11)
        #expect(ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: nil).line == 10)
        #expect(FirewallRuleset.parse("table ip t { chain i { type filter hook input priority 0; ip protocol 110-120 drop; } }")
            .verdict(for: vi1, peer: nil).line == 1)
        #expect(ruleset.verdict(for: FirewallFixture.multicast(interface: "eth2"), peer: nil).line == 8)
        #expect(ruleset.verdict(for: FirewallFixture.unicast(interface: "eth1", peers: ["192.0.2.2"]), peer: nil).line == 6)
    }

    @Test func unknownMatchesAreNamedAndTreatedAsNotMatching() {
        let text = """
            table inet filter {
                chain input {
                    type filter hook input priority 0; policy drop;
                    limit rate 10/second ip protocol vrrp accept
                    meta mark 0x1 accept
                    counter packets 12 bytes 720 log prefix "in: " level info
                    ip saddr . ip daddr { 192.0.2.2 . 224.0.0.18 } accept
                    ip protocol vrrp queue num 1
                }
            }
            """
        let verdict = FirewallRuleset.parse(text).verdict(for: vi1, peer: "192.0.2.2")
        #expect(!verdict.accepted && verdict.line == 3)
        #expect(verdict.reason.contains("rule at line 4 uses a match kalint does not evaluate: limit rate 10/second"))
        #expect(verdict.reason.contains("rule at line 5 uses a match kalint does not evaluate: meta mark 0x1"))
        #expect(verdict.reason.contains("rule at line 7 uses a match kalint does not evaluate: ip saddr . ip daddr { 192.0.2.2 . 224.0.0.18 } (treated"))
        #expect(verdict.reason.contains("rule at line 8 has a verdict kalint does not evaluate: queue num 1"))
        #expect(!verdict.reason.contains("line 6"))
    }

    @Test func returnAndGotoInRegularChains() {
        let text = """
            table ip filter {
                chain input {
                    type filter hook input priority 0; policy drop;
                    jump checks
                    ip protocol vrrp accept
                }
                chain checks {
                    ip saddr 192.0.2.0/24 return
                    goto deny
                }
                chain deny {
                    tcp dport 22 accept
                    reject
                }
            }
            """
        let ruleset = FirewallRuleset.parse(text)
        #expect(ruleset.verdict(for: vi1, peer: "192.0.2.2").line == 5)
        let denied = ruleset.verdict(for: vi1, peer: "203.0.113.9")
        #expect(!denied.accepted && denied.line == 13)
        #expect(denied.reason.contains("rejected by rule at line 13 in chain deny"))
    }

    @Test func jumpToAMissingChainIsSkippedWithANote() {
        let text = """
            table ip filter {
                chain input { type filter hook input priority 0; policy accept; jump nowhere; }
            }
            """
        let verdict = FirewallRuleset.parse(text).verdict(for: vi1, peer: nil)
        #expect(verdict.accepted)
        #expect(verdict.reason.contains("jumps to chain nowhere, which the ruleset does not define"))
    }

    @Test func shellCommandsAsPasted() {
        let text = #"""
            nft add table inet filter
            nft 'add chain inet filter input { type filter hook input priority 0; policy drop; }'
            nft add chain inet filter pre \{ type filter hook prerouting priority -150 \; \}
            nft add rule inet filter pre ip saddr 203.0.113.0/24 \
                drop # a comment with "quotes" and { braces
            nft add rule inet filter input iifname "eth0" ip daddr 224.0.0.18 ip protocol vrrp accept comment "VI 1; keepalived"
            """#
        let ruleset = FirewallRuleset.parse(text)
        #expect(ruleset.notes.isEmpty, "\(ruleset.notes)")
        #expect(ruleset.verdict(for: vi1, peer: "192.0.2.2").line == 6)
        let blocked = ruleset.verdict(for: vi1, peer: "203.0.113.4")
        #expect(!blocked.accepted && blocked.line == 4)
        #expect(blocked.reason.contains("chain pre of table inet filter"))
    }

    @Test func lexerKeepsStringsWholeAndCountsLines() {
        let tokens = NftablesLexer.tokens("a \"b c\" # x { ;\nd\\;e,{f}\n'g'")
        #expect(tokens.map(\.text) == ["a", "b c", "\n", "d", ";", "e", ",", "{", "f", "}", "\n", "g"])
        #expect(tokens.map(\.line) == [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3])
        #expect(tokens[1].kind == .string && tokens[1].spelled == "\"b c\"")
    }

    @Test func syntaxDetection() {
        #expect(FirewallRuleset.detectSyntax("# comment\n\ntable inet filter {\n}") == .nftables)
        #expect(FirewallRuleset.detectSyntax("nft add rule inet filter input accept") == .nftables)
        #expect(FirewallRuleset.detectSyntax("# Generated by iptables-save v1.8.9\n*filter") == .iptablesSave)
        #expect(FirewallRuleset.detectSyntax("*raw\n:PREROUTING ACCEPT [0:0]") == .iptablesSave)
        #expect(FirewallRuleset.detectSyntax("ip6tables -A INPUT -j ACCEPT") == .iptablesSave)
    }
}
