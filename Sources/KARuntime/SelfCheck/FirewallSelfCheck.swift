import KAConfig
import KALint
import KAVRRP

/// The live firewall against each instance's incoming adverts, with kalint's evaluator: a rule or
/// policy that drops IP protocol 112 (51 with AH) on the instance's interface.
enum FirewallSelfCheck {
    static func run(plan: RuntimePlan, rulesets: [(command: String, text: String)]) -> [SelfCheckWarning] {
        // iptables-save first: with iptables-nft its rules show in both dumps, and its users fix
        // them with iptables.
        let ordered = rulesets.filter { $0.command != "nft list ruleset" } + rulesets.filter { $0.command == "nft list ruleset" }
        let parsed = ordered.filter { !$0.text.isEmpty }.map { ($0.command, FirewallRuleset.parse($0.text)) }
        guard !parsed.isEmpty else { return [] }
        var warnings: [SelfCheckWarning] = []
        for instance in plan.instances {
            let need = need(for: instance, plan: plan.instancePlans[instance.name])
            // The first ruleset that drops them (iptables-nft rules show in both dumps).
            for (command, ruleset) in parsed {
                let verdict = ruleset.verdict(for: need, peer: nil)
                guard !verdict.accepted, verdict.covered else { continue }
                warnings.append(SelfCheckWarning(
                    subject: "(\(instance.name))",
                    problem: "the firewall (\(command)) drops its VRRP adverts: \(verdict.reason)",
                    fix: fix(for: need, syntax: ruleset.syntax, reason: verdict.reason)))
                break
            }
        }
        return warnings
    }

    /// kalint's accept rules, inserted (not appended: after the drop they would come too late)
    /// at the top of the chain that drops.
    static func fix(for need: VRRPTrafficNeed, syntax: FirewallRuleset.Syntax, reason: String) -> String {
        let place = decidingChain(reason)
        let lines: [String]
        switch syntax {
        case .nftables:
            lines = FirewallHints.nftables(for: [need], table: place?.table ?? "inet filter", chain: place?.chain ?? "input")
                .map { $0.replacingFirst("nft add rule", with: "nft insert rule") }
        case .iptablesSave:
            lines = FirewallHints.iptables(for: [need], chain: place?.chain ?? "INPUT").map { $0.replacingFirst(" -A ", with: " -I ") }
        }
        return lines.filter { !$0.hasPrefix("#") }.joined(separator: "; ")
    }

    /// The table and chain a drop verdict names: "... dropped by rule at line 4 in chain input of
    /// table inet filter (`...`)" or "dropped by the drop policy of chain INPUT in table filter (iptables)".
    static func decidingChain(_ reason: String) -> (table: String, chain: String)? {
        guard let dropped = reason.firstRange(of: "dropped by "), let chainWord = reason[dropped.upperBound...].firstRange(of: "chain ") else { return nil }
        let afterChain = reason[chainWord.upperBound...]
        guard let space = afterChain.firstIndex(of: " ") else { return nil }
        let chain = String(afterChain[..<space])
        let rest = afterChain[space...]
        guard let tableWord = rest.firstRange(of: " table ") else { return nil }
        var table = String(rest[tableWord.upperBound...])
        for end in [" (", ";"] {
            if let cut = table.firstRange(of: end) { table = String(table[..<cut.lowerBound]) }
        }
        return chain.isEmpty || table.isEmpty ? nil : (table, chain)
    }

    /// What the instance must receive: kalint's `VRRPTrafficNeed`, from the running plan.
    static func need(for instance: InstanceConfiguration, plan shell: InstancePlan?) -> VRRPTrafficNeed {
        let family: VRRPTrafficNeed.Family = instance.family == .ipv4 ? .ipv4 : .ipv6
        let usesAH: Bool
        if case .ipsecAH = instance.authentication { usesAH = instance.version == .v2 } else { usesAH = false }
        let group = instance.multicastGroup ?? .vrrpMulticastGroup(for: instance.family)
        return VRRPTrafficNeed(
            instance: instance.name, family: family, interface: shell?.advertInterface, usesAH: usesAH,
            multicastGroup: instance.isUnicast ? nil : group.description,
            unicastPeers: instance.unicastPeers.map { $0.address.description },
            localAddress: instance.isUnicast ? instance.sourceAddress.description : nil)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var result = self
        result.replaceSubrange(range, with: replacement)
        return result
    }
}
