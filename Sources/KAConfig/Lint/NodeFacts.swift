/// Facts about one node that several rules need, derived once per node (by `LintEngine`) and
/// shared, instead of each rule re-deriving them: each instance's statements in keepalived's
/// reading order with its address family, addresses and version (`InstanceFacts`).
public struct NodeFacts: Sendable {
    /// Aligned with `model.instances`.
    let instances: [InstanceFacts]
    /// The keepalived version the run checks against (`--target-version`).
    let target: KeepalivedVersion

    init(_ node: NodeAnalysis, target: KeepalivedVersion = .checked) {
        instances = node.model.instances.map { InstanceFacts($0, in: node) }
        self.target = target
    }
}

extension NodeAnalysis {
    /// The node with its shared facts derived (rules then read them instead of deriving them).
    public func withFacts(target: KeepalivedVersion = .checked) -> NodeAnalysis {
        if let facts, facts.target == target { return self }
        var node = self
        node.facts = NodeFacts(self, target: target)
        return node
    }

    /// The keepalived version rules check against: `--target-version`, else 2.2.7.
    var targetVersion: KeepalivedVersion { facts?.target ?? .checked }

    /// Every instance's facts, aligned with `model.instances`: the shared ones when the engine
    /// derived them, else derived now (a rule run on its own, as in its page's examples).
    var instanceFacts: [InstanceFacts] {
        facts?.instances ?? NodeFacts(self).instances
    }
}
