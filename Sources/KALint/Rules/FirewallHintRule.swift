import KAConfig

/// `firewall-hint`: the exact nftables and iptables rules this node's incoming VRRP adverts need
/// (IP protocol 112, or 51 with AH; to the multicast group, or from each unicast peer).
struct FirewallHintRule: LintRule {
    let rule = LintRuleCatalogue.firewallHint

    func check(_ node: LintNode) -> [Diagnostic] {
        let instances = node.model.instances
        guard !instances.isEmpty else { return [] }
        let groups = FirewallNeeds.groups(for: node)
        // Each instance name is in `instanceBlocks` once: when it holds every instance, no two
        // share a name, and the hint's comments need not de-duplicate thousands of names.
        let distinct = node.instanceBlocks.count == instances.count
        // Names read in place: `instances[index].name` copies the whole instance first.
        let (nft, iptables) = instances.withUnsafeBufferPointer { instances in
            FirewallHints.hints(for: groups, distinctNames: distinct) { (instances.baseAddress! + $0).pointee.name }
        }
        var message = "VRRP adverts this node must accept; nftables:"
        for line in nft { message += "\n    " + line }
        message += "\n  or iptables:"
        for line in iptables { message += "\n    " + line }
        return [Diagnostic(rule, message, at: node.instanceSpan(node.model.instances[0]))]
    }
}
