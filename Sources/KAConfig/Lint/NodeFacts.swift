/// Facts about one node that several rules need, derived once per node (by `LintEngine`) and
/// shared, instead of each rule re-deriving them: each instance's statements in keepalived's
/// reading order with its address family, addresses and version (`InstanceFacts`), the
/// statements by keyword, the block around each statement, the trackers and the scripts.
public struct NodeFacts: Sendable {
    /// Aligned with `model.instances`.
    let instances: [InstanceFacts]
    /// The keepalived version the run checks against (`--target-version`).
    let target: KeepalivedVersion
    let keywords: KeywordIndex
    let context: StatementContext
    let trackers: TrackerIndex
    /// Every script keepalived would run (for script-security and script-path).
    let scripts: [ConfiguredScript]

    init(_ node: NodeAnalysis, target: KeepalivedVersion = .checked) {
        instances = node.model.instances.map { InstanceFacts($0, in: node) }
        self.target = target
        keywords = KeywordIndex(node.bound.tree)
        context = StatementContext(node.bound.tree)
        trackers = TrackerIndex(node.bound.tree, context: context, keywords: keywords)
        scripts = ConfiguredScript.all(in: node, context: context, indices: Self.scriptIndices(keywords))
    }

    static func scriptIndices(_ keywords: KeywordIndex) -> [Int] {
        var found: [Int] = []
        for entry in keywords.rows {
            if case .script = entry.row.kind { found += entry.indices }
        }
        return found.sorted()
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
        facts?.instances ?? model.instances.map { InstanceFacts($0, in: self) }
    }

    /// Where each statement sits (shared, else made now).
    var statementContext: StatementContext { facts?.context ?? StatementContext(bound.tree) }

    /// Tracker definitions and references (shared, else made now).
    var trackerIndex: TrackerIndex {
        facts?.trackers ?? TrackerIndex(bound.tree, context: statementContext, keywords: nil)
    }

    /// Every script keepalived would run (shared, else made now).
    var configuredScripts: [ConfiguredScript] {
        facts?.scripts ?? ConfiguredScript.all(in: self, context: StatementContext(bound.tree), indices: bound.tree.scriptStatementIndices())
    }
}
