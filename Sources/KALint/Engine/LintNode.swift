import KAConfig

/// One node as the rules see it: the front end's analysis (KAConfig's `NodeAnalysis`) and the
/// facts several rules need, derived from it once (`NodeFacts`). The analysis' parts read
/// through (`node.model`, `node.bound`, ...), so a rule reads like one over the analysis.
public struct LintNode: Sendable {
    public let analysis: NodeAnalysis
    let facts: NodeFacts

    /// Derives the shared facts; `target` is the keepalived version rules check against.
    public init(_ analysis: NodeAnalysis, target: KeepalivedVersion = .checked) {
        self.analysis = analysis
        facts = NodeFacts(analysis, target: target)
    }

    /// With the facts of the bound tree derived already (`FleetAnalysis.lintNodes`).
    init(_ analysis: NodeAnalysis, target: KeepalivedVersion, tree: consuming TreeFacts) {
        self.analysis = analysis
        facts = NodeFacts(analysis, target: target, tree: tree)
    }

    // Plain properties, not a dynamic member subscript: a key path read copies the whole
    // analysis (a retain of each of its arrays), once per statement in the rules' loops.
    public var path: String { analysis.path }
    public var expanded: ExpandedConfig { analysis.expanded }
    public var bound: BindResult { analysis.bound }
    public var model: Configuration { analysis.bound.model }
    public var instanceBlocks: InstanceBlockTable { analysis.instanceBlocks }
    public var frontEndDiagnostics: [Diagnostic] { analysis.frontEndDiagnostics }
    public var sources: [String: SourceFile] { analysis.sources }

    /// The first statement with `keyword` in the block of instance `name` (sub-blocks too).
    public func statement(_ keyword: String, inInstance name: String) -> BoundStatement? {
        analysis.statement(keyword, inInstance: name)
    }

    public func statements(_ keyword: String, inInstance name: String) -> [BoundStatement] {
        analysis.statements(keyword, inInstance: name)
    }

    public func statement(_ keyword: String, inBlock block: Int) -> BoundStatement? {
        analysis.statement(keyword, inBlock: block)
    }

    public func statements(_ keyword: String, inBlock block: Int) -> [BoundStatement] {
        analysis.statements(keyword, inBlock: block)
    }

    public func blocks(ofKind specName: String) -> [(block: Int, opener: BoundStatement)] {
        analysis.blocks(ofKind: specName)
    }

    public func instanceSpan(_ instance: VRRPInstance) -> SourceSpan { analysis.instanceSpan(instance) }

    /// Calls `body` with the model's instances in place. An instance read through an array's
    /// (or a buffer's) subscript is copied whole, dozens of references retained and released,
    /// before a field is read; a field read through `InstancesInPlace.at` is not.
    func withInstances<Result>(_ body: (InstancesInPlace) -> Result) -> Result {
        model.instances.withUnsafeBufferPointer { body(InstancesInPlace(buffer: $0)) }
    }
}

/// The model's instances, each read in place through a pointer (see `LintNode.withInstances`).
struct InstancesInPlace {
    let buffer: UnsafeBufferPointer<VRRPInstance>

    /// Instance `index`: read its fields through `pointee`, never copy the pointee.
    @inline(__always)
    func at(_ index: Int) -> UnsafePointer<VRRPInstance> {
        precondition(index >= 0 && index < buffer.count, "instance index out of range")
        return buffer.baseAddress! + index
    }

    var indices: Range<Int> { buffer.indices }
}
