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
    /// One byte per statement: which per-instance keyword it is, if any.
    var marks: [InstanceKeyword] { tree.marks }

    init(_ node: NodeAnalysis, target: KeepalivedVersion = .checked) {
        self.target = target
        let tree = node.bound.tree
        // A large node's independent facts are derived side by side.
        let parallel = tree.statements.count >= LintEngine.parallelStatements && FleetAnalysis.processorCount > 1
        let (keywords, context) = ParallelMap.both(parallel: parallel, { KeywordIndex(tree) }, { StatementContext(tree) })
        let marks = InstanceKeyword.marks(tree, keywords: keywords, context: context)
        let models = node.model.instances
        let blocks = node.instanceBlocks
        let (instances, (trackers, scripts)) = ParallelMap.both(
            parallel: parallel,
            { InstanceFacts.Node(instances: models, tree: tree, marks: marks).facts(blocks: blocks) },
            { TreeFacts.trackersAndScripts(tree, keywords: keywords, context: context) })
        self.instances = instances
        self.tree = TreeFacts(keywords: keywords, context: context, marks: marks, trackers: trackers, scripts: scripts)
    }

    /// With the facts of the tree derived already (while the model was built).
    init(_ node: NodeAnalysis, target: KeepalivedVersion, tree: consuming TreeFacts) {
        self.target = target
        // The prepared facts become the instances' (held once, not kept here too).
        var tree = tree
        let prepared = tree.prepared
        tree.prepared = nil
        if let prepared {
            instances = prepared.aligned(with: node.model.instances, blocks: node.instanceBlocks)
        } else {
            let instanceNode = InstanceFacts.Node(instances: node.model.instances, tree: node.bound.tree, marks: tree.marks)
            instances = instanceNode.facts(blocks: node.instanceBlocks)
        }
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
    /// One byte per statement: which per-instance keyword it is, if any.
    let marks: [InstanceKeyword]
    let trackers: TrackerIndex
    let scripts: [ConfiguredScript]
    /// Each instance block's facts (nil: made with the model, by `NodeFacts`).
    var prepared: InstanceFacts.Prepared?

    init(
        keywords: KeywordIndex, context: StatementContext, marks: [InstanceKeyword], trackers: TrackerIndex,
        scripts: [ConfiguredScript], prepared: InstanceFacts.Prepared? = nil
    ) {
        self.keywords = keywords
        self.context = context
        self.marks = marks
        self.trackers = trackers
        self.scripts = scripts
        self.prepared = prepared
    }

    /// On the calling thread only: the other core is building the model meanwhile.
    init(_ tree: BoundTree) {
        let keywords = KeywordIndex(tree)
        let context = StatementContext(tree)
        let marks = InstanceKeyword.marks(tree, keywords: keywords, context: context)
        let (trackers, scripts) = Self.trackersAndScripts(tree, keywords: keywords, context: context)
        self.init(
            keywords: keywords, context: context, marks: marks, trackers: trackers, scripts: scripts,
            prepared: InstanceFacts.Prepared(tree: tree, marks: marks))
    }

    static func trackersAndScripts(
        _ tree: BoundTree, keywords: KeywordIndex, context: StatementContext
    ) -> (TrackerIndex, [ConfiguredScript]) {
        (
            TrackerIndex(tree, context: context, keywords: keywords),
            ConfiguredScript.all(in: tree, context: context, indices: NodeFacts.scriptIndices(keywords))
        )
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
