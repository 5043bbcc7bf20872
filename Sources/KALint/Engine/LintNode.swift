import KAConfig

/// One node as the rules see it: the front end's analysis (KAConfig's `NodeAnalysis`) and the
/// facts several rules need, derived from it once (`NodeFacts`). The analysis' properties read
/// through (`node.model`, `node.bound`, ...), so a rule reads like one over the analysis.
@dynamicMemberLookup
public struct LintNode: Sendable {
    public let analysis: NodeAnalysis
    let facts: NodeFacts

    /// Derives the shared facts; `target` is the keepalived version rules check against.
    public init(_ analysis: NodeAnalysis, target: KeepalivedVersion = .checked) {
        self.analysis = analysis
        facts = NodeFacts(analysis, target: target)
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<NodeAnalysis, Value>) -> Value { analysis[keyPath: keyPath] }

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
}
