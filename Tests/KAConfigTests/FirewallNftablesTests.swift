import Testing
@testable import KAConfig

@Suite struct FirewallNftablesTests {
    @Test func policyDropWithoutVRRPRuleDropsAdverts() throws {
        let ruleset = try FirewallFixture.ruleset("policy-drop.nft")
        #expect(ruleset.syntax == .nftables)
        let verdict = ruleset.verdict(for: FirewallFixture.multicast(), peer: "192.0.2.2")
        #expect(!verdict.accepted)
        #expect(verdict.line == 3)
        #expect(verdict.reason.contains("drop policy of chain input in table inet filter"))
    }
}
