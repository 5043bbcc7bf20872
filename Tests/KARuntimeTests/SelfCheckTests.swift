import KAConfig
import KALint
import Testing
@testable import KARuntime

/// The self-check's fix for a firewall drop goes to the chain that drops, inserted before the drop.
@Suite struct SelfCheckTests {
    @Test func theFixNamesTheChainThatDrops() {
        let rule = "VRRP (IP protocol 112) over IPv4 to 224.0.0.18 on eth0 is dropped by rule at line 4 in chain INPUT of table ip filter (`iifname \"eth0\" drop`)"
        #expect(FirewallSelfCheck.decidingChain(rule)?.table == "ip filter")
        #expect(FirewallSelfCheck.decidingChain(rule)?.chain == "INPUT")
        let policy = "VRRP (IP protocol 112) over IPv4 to 224.0.0.18 on eth0 is dropped by the drop policy of chain INPUT in table filter (iptables) (line 3); note: x"
        #expect(FirewallSelfCheck.decidingChain(policy)?.table == "filter")
        #expect(FirewallSelfCheck.decidingChain(policy)?.chain == "INPUT")
        #expect(FirewallSelfCheck.decidingChain("accepted by everything") == nil)
        let need = VRRPTrafficNeed(instance: "VI_1", family: .ipv4, interface: "eth0", multicastGroup: "224.0.0.18")
        #expect(FirewallSelfCheck.fix(for: need, syntax: .nftables, reason: rule)
                == "nft insert rule ip filter INPUT iifname \"eth0\" ip daddr 224.0.0.18 ip protocol vrrp accept")
        #expect(FirewallSelfCheck.fix(for: need, syntax: .iptablesSave, reason: policy) == "iptables -I INPUT -i eth0 -d 224.0.0.18/32 -p vrrp -j ACCEPT")
    }
}
