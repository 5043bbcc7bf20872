import Testing
@testable import KAConfig
@testable import KALint

@Suite struct FirewallIptablesTests {
    private let vi1 = FirewallFixture.multicast("VI_1")

    @Test func ubuntuUfwDefaultDropsVRRPByPolicy() throws {
        let ruleset = try FirewallFixture.ruleset("ubuntu-ufw.iptables")
        #expect(ruleset.syntax == .iptablesSave)
        #expect(ruleset.notes.isEmpty)
        let verdict = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(!verdict.accepted)
        #expect(verdict.line == 3)
        #expect(verdict.reason.contains("drop policy of chain INPUT in table filter (iptables) (line 3)"))
        // Unicast to a local address returns from ufw-not-local too, and meets the same policy.
        let unicast = ruleset.verdict(for: FirewallFixture.unicast(peers: ["192.0.2.2"]), peer: nil)
        #expect(!unicast.accepted && unicast.line == 3)
        // The LOG rule with `-m limit` does not decide anything, so it earns no note.
        #expect(!verdict.reason.contains("limit"))
    }

    @Test func ufwWithAVRRPRuleInBeforeInputAccepts() throws {
        let ruleset = try FirewallFixture.ruleset("ubuntu-ufw-vrrp.iptables")
        let verdict = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(verdict.accepted)
        #expect(verdict.line == 75)
        #expect(verdict.reason.contains("chain ufw-before-input"))
        // The rule names 224.0.0.18 only: unicast adverts are still dropped.
        #expect(!ruleset.verdict(for: FirewallFixture.unicast(peers: ["192.0.2.2"]), peer: nil).accepted)
    }

    @Test func unicastRuleAcceptsOnlyItsPeer() throws {
        let ruleset = try FirewallFixture.ruleset("unicast-one-peer.iptables")
        let need = FirewallFixture.unicast(peers: ["192.0.2.2", "192.0.2.3"])
        let good = ruleset.verdict(for: need, peer: "192.0.2.2")
        #expect(good.accepted && good.line == 9)
        let other = ruleset.verdict(for: need, peer: "192.0.2.3")
        #expect(!other.accepted && other.line == 11)
        #expect(other.reason.contains("rejected by rule at line 11"))
        // Without a peer, every configured peer is checked and the first drop is reported.
        let all = ruleset.verdict(for: need, peer: nil)
        #expect(!all.accepted && all.reason.contains("from 192.0.2.3"))
        // The rule is tied to eth1; kalint cannot know the interface of an instance without one.
        let unknown = ruleset.verdict(for: FirewallFixture.unicast(interface: nil, peers: ["192.0.2.2"]), peer: nil)
        #expect(!unknown.accepted)
        #expect(unknown.reason.contains(#"when the input interface is not "eth1" (kalint does not know)"#))
    }

    @Test func authenticationHeaderIsADifferentProtocol() throws {
        let ruleset = try FirewallFixture.ruleset("unicast-one-peer.iptables")
        let ah = ruleset.verdict(for: FirewallFixture.multicast(ah: true), peer: "192.0.2.2")
        #expect(ah.accepted && ah.line == 10)
        #expect(ah.reason.hasPrefix("AH-wrapped VRRP (IP protocol 51)"))
        let plain = ruleset.verdict(for: FirewallFixture.multicast(), peer: "192.0.2.2")
        #expect(!plain.accepted && plain.line == 11)
    }

    @Test func ipv6DumpFollowsUserChainAndReturn() throws {
        let ruleset = try FirewallFixture.ruleset("ipv6-multicast.ip6tables")
        let eth0 = ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: "fe80::2")
        #expect(eth0.accepted && eth0.line == 12)
        #expect(eth0.reason.contains("chain VRRP of table filter (ip6tables)"))
        // `-A VRRP -i eth1 -j RETURN` sends eth1 back to INPUT, whose policy drops.
        let eth1 = ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6, interface: "eth1"), peer: "fe80::2")
        #expect(!eth1.accepted && eth1.line == 3)
        // An ip6tables dump says nothing about IPv4.
        let v4 = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(!v4.covered && v4.accepted)
        #expect(v4.reason.hasPrefix("not covered"))
    }

    @Test func iptablesDumpDoesNotCoverIPv6() throws {
        let verdict = try FirewallFixture.ruleset("ubuntu-ufw.iptables")
            .verdict(for: FirewallFixture.multicast(family: .ipv6), peer: nil)
        #expect(!verdict.covered)
        #expect(verdict.reason.contains("ip6tables-save"))
    }

    @Test func rawTableDropComesFirstAndUnknownMatchesAreNamed() throws {
        let ruleset = try FirewallFixture.ruleset("raw-and-v6.iptables")
        let blocked = ruleset.verdict(for: vi1, peer: "198.51.100.7")
        #expect(!blocked.accepted && blocked.line == 5)
        #expect(blocked.reason.contains("chain PREROUTING of table raw (iptables)"))
        let fine = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(fine.accepted && fine.line == 13)
        // Sender unknown: dropped only if it sits in the raw rule's network.
        let unknownSender = ruleset.verdict(for: vi1, peer: nil)
        #expect(!unknownSender.accepted)
        #expect(unknownSender.reason.contains("when the source address is in 198.51.100.0/24"))
        // Unicast is not multicast: the `-m limit` ACCEPT is not evaluated, the DROP after it decides.
        let unicast = ruleset.verdict(for: FirewallFixture.unicast(peers: ["192.0.2.2"]), peer: nil)
        #expect(!unicast.accepted && unicast.line == 15)
        #expect(unicast.reason.contains("rule at line 14 uses a match kalint does not evaluate: -m limit --limit 10/sec"))
        // Both families are in the file.
        #expect(ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: "fe80::2").accepted)
    }

    @Test func connectionStateNewMatchesButEstablishedDoesNot() {
        let text = """
            *filter
            :INPUT DROP [0:0]
            -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
            -A INPUT -m state ! --state NEW -j ACCEPT
            -A INPUT -p vrrp -m state --state NEW -j ACCEPT
            COMMIT
            """
        let verdict = FirewallRuleset.parse(text).verdict(for: vi1, peer: "192.0.2.2")
        #expect(verdict.accepted && verdict.line == 5)
    }

    @Test func negationPkttypeAddrtypeAndInterfaceWildcards() {
        let text = """
            *filter
            :INPUT DROP [0:0]
            -A INPUT ! -s 192.0.2.0/24 -j DROP
            -A INPUT -p vrrp -m pkttype --pkt-type unicast -j DROP
            -A INPUT -i bond+ -p vrrp -m addrtype ! --dst-type MULTICAST -j DROP
            -A INPUT -i bond+ -p 112 -m pkttype --pkt-type multicast -j ACCEPT
            COMMIT
            """
        let ruleset = FirewallRuleset.parse(text)
        let bond = FirewallFixture.multicast(interface: "bond0")
        #expect(ruleset.verdict(for: bond, peer: "192.0.2.2").line == 6)
        #expect(ruleset.verdict(for: bond, peer: "192.0.2.2").accepted)
        #expect(ruleset.verdict(for: bond, peer: "203.0.113.5").line == 3)
        #expect(ruleset.verdict(for: FirewallFixture.multicast(interface: "eth0"), peer: "192.0.2.2").line == 2)
        let unicast = ruleset.verdict(for: FirewallFixture.unicast(interface: "bond1", peers: ["192.0.2.2"]), peer: nil)
        #expect(!unicast.accepted && unicast.line == 4)
    }

    @Test func gotoReturnsToTheCallerOfTheCallingChain() {
        let text = """
            *filter
            :INPUT DROP [0:0]
            :OUTER - [0:0]
            :INNER - [0:0]
            -A INPUT -j OUTER
            -A INPUT -p vrrp -j ACCEPT
            -A OUTER -g INNER
            -A OUTER -j DROP
            -A INNER -p tcp --dport 22 -j ACCEPT
            COMMIT
            """
        // INNER ends, so the packet goes back to INPUT (not OUTER, whose DROP is skipped).
        let verdict = FirewallRuleset.parse(text).verdict(for: vi1, peer: "192.0.2.2")
        #expect(verdict.accepted && verdict.line == 6)
    }

    @Test func unknownTargetsAndLogAreHandled() {
        let text = """
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -p vrrp -j LOG --log-prefix "vrrp in: "
            -A INPUT -p vrrp -j NFQUEUE --queue-num 1
            -A INPUT -p vrrp -j DROP
            COMMIT
            """
        let verdict = FirewallRuleset.parse(text).verdict(for: vi1, peer: "192.0.2.2")
        #expect(!verdict.accepted && verdict.line == 5)
        #expect(verdict.reason.contains("rule at line 4 has a verdict kalint does not evaluate: target NFQUEUE"))
    }

    @Test func commandScriptsWithPoliciesInsertsAndFlushes() {
        let text = """
            #!/bin/sh
            iptables -F
            iptables -P INPUT DROP
            iptables -A INPUT -p tcp --dport 22 -j ACCEPT
            sudo /usr/sbin/iptables -I INPUT 1 -p vrrp -d 224.0.0.18 -j ACCEPT
            ip6tables -P INPUT DROP
            """
        let ruleset = FirewallRuleset.parse(text)
        #expect(ruleset.syntax == .iptablesSave)
        let v4 = ruleset.verdict(for: vi1, peer: "192.0.2.2")
        #expect(v4.accepted && v4.line == 5)
        let v6 = ruleset.verdict(for: FirewallFixture.multicast(family: .ipv6), peer: nil)
        #expect(v6.covered && !v6.accepted && v6.line == 6)
    }

    @Test func countersBeforeRulesAndUnreadableLinesAreTolerated() {
        let text = """
            *filter
            :INPUT DROP [10:600]
            [4:240] -A INPUT -p vrrp -j ACCEPT
            -A INPUT -m comment --comment "unterminated
            this is not iptables
            COMMIT
            """
        let ruleset = FirewallRuleset.parse(text)
        #expect(ruleset.verdict(for: vi1, peer: "192.0.2.2").line == 3)
        #expect(ruleset.notes.map(\.line) == [4, 5, 1])
        #expect(ruleset.notes.last?.message.contains("taken as IPv4") == true)
    }
}
