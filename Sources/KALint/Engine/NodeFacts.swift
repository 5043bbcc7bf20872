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
    let tree: TreeFacts
    var keywords: KeywordIndex { tree.keywords }
    var context: StatementContext { tree.context }
    var trackers: TrackerIndex { tree.trackers }
    /// Every script keepalived would run (for script-security and script-path).
    var scripts: [ConfiguredScript] { tree.scripts }

    init(_ node: NodeAnalysis, target: KeepalivedVersion = .checked) {
        self.init(node, target: target, tree: TreeFacts(node.bound.tree, besideModel: false))
    }

    /// With the facts of the tree derived already (for a large file, while the model was built).
    init(_ node: NodeAnalysis, target: KeepalivedVersion, tree: consuming TreeFacts) {
        self.target = target
        // The prepared facts become the instances' (held once, not kept here too).
        var tree = tree
        let prepared = tree.prepared
            ?? InstanceFacts.Prepared(
                tree: node.bound.tree,
                marks: InstanceKeyword.marks(node.bound.tree, keywords: tree.keywords, context: tree.context))
        tree.prepared = nil
        instances = prepared.aligned(with: node.model.instances, recorded: node.bound.instanceBlocks, blocks: node.instanceBlocks)
        self.tree = tree
    }

    static func scriptIndices(_ keywords: KeywordIndex) -> [Int] {
        keywords.indices(ofRows: keywords.rows.filter { if case .script = $0.row.kind { true } else { false } })
    }
}

/// The facts of a node that its bound tree alone gives, without the model: for a large file
/// they are derived while the binder's thread builds the model from the same tree.
struct TreeFacts: Sendable {
    let keywords: KeywordIndex
    let context: StatementContext
    let trackers: TrackerIndex
    let scripts: [ConfiguredScript]
    /// Each instance block's facts, until `NodeFacts` aligns them with the model's instances.
    var prepared: InstanceFacts.Prepared?

    /// `besideModel`: the binder's thread is building the model on the other core, so all is
    /// derived on this thread; otherwise a large node's independent facts are derived side by side.
    init(_ tree: BoundTree, besideModel: Bool) {
        let parallel = !besideModel && tree.statements.count >= LintEngine.parallelStatements && FleetAnalysis.processorCount > 1
        let (keywords, context) = ParallelMap.both(parallel: parallel, { KeywordIndex(tree) }, { StatementContext(tree) })
        let marks = InstanceKeyword.marks(tree, keywords: keywords, context: context)
        let (prepared, (trackers, scripts)) = ParallelMap.both(
            parallel: parallel,
            { InstanceFacts.Prepared(tree: tree, marks: marks) },
            {
                (
                    TrackerIndex(tree, context: context, keywords: keywords),
                    ConfiguredScript.all(in: tree, context: context, indices: NodeFacts.scriptIndices(keywords))
                )
            })
        self.keywords = keywords
        self.context = context
        self.trackers = trackers
        self.scripts = scripts
        self.prepared = prepared
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
