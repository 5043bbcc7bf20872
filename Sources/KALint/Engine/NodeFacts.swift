import KAConfig

/// Facts about one node that several rules need, derived once per node (with its `LintNode`) and
/// shared, instead of each rule re-deriving them: each instance's statements in keepalived's
/// reading order with its address family, addresses and version (`InstanceFacts`), the
/// statements by keyword, the block around each statement, the trackers and the scripts.
struct NodeFacts: Sendable {
    /// Aligned with `model.instances`.
    let instances: [InstanceFacts]
    /// The keepalived version the run checks against (`--target-version`).
    let target: KeepalivedVersion
    let keywords: KeywordIndex
    let context: StatementContext
    let trackers: TrackerIndex
    /// Every script keepalived would run (for script-security and script-path).
    let scripts: [ConfiguredScript]

    /// One byte per statement: which per-instance keyword it is, if any.
    let marks: [InstanceKeyword]

    init(_ node: NodeAnalysis, target: KeepalivedVersion = .checked) {
        self.target = target
        let tree = node.bound.tree
        // A large node's independent facts are derived side by side.
        let parallel = tree.statements.count >= LintEngine.parallelStatements && FleetAnalysis.processorCount > 1
        let (keywords, context) = ParallelMap.both(parallel: parallel, { KeywordIndex(tree) }, { StatementContext(tree) })
        self.keywords = keywords
        self.context = context
        let marks = InstanceKeyword.marks(tree, keywords: keywords, context: context)
        self.marks = marks
        let models = node.model.instances
        let blocks = node.instanceBlocks
        (instances, (trackers, scripts)) = ParallelMap.both(
            parallel: parallel,
            { InstanceFacts.Node(instances: models, tree: tree, marks: marks).facts(blocks: blocks) },
            {
                (
                    TrackerIndex(tree, context: context, keywords: keywords),
                    ConfiguredScript.all(in: node, context: context, indices: Self.scriptIndices(keywords))
                )
            })
    }

    static func scriptIndices(_ keywords: KeywordIndex) -> [Int] {
        keywords.indices(ofRows: keywords.rows.filter { if case .script = $0.row.kind { true } else { false } })
    }
}

extension LintNode {
    /// The keepalived version rules check against: `--target-version`, else 2.2.7.
    var targetVersion: KeepalivedVersion { facts.target }

    /// Every instance's facts, aligned with `model.instances`.
    var instanceFacts: [InstanceFacts] { facts.instances }

    /// Where each statement sits.
    var statementContext: StatementContext { facts.context }

    /// Tracker definitions and references.
    var trackerIndex: TrackerIndex { facts.trackers }

    /// Every script keepalived would run.
    var configuredScripts: [ConfiguredScript] { facts.scripts }
}
