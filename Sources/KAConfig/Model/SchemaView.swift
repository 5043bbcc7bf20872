/// The parts of the keyword schema the binder reads: the top-level table, tables by block name,
/// did-you-mean suggestions, and where a keyword lives. `SchemaView.keepalived` is the real
/// schema; tests may pass a small one.
public struct SchemaView: Sendable {
    public var topLevel: BlockSpec
    public var blockNamed: @Sendable (String) -> BlockSpec?
    public var suggestions: @Sendable (String, BlockSpec) -> [String]
    public var blocksContaining: @Sendable (String) -> [String]
    /// True for `SchemaView.keepalived` (whose binder tables are built once per process).
    var isKeepalived = false

    public init(
        topLevel: BlockSpec, blockNamed: @escaping @Sendable (String) -> BlockSpec?,
        suggestions: @escaping @Sendable (String, BlockSpec) -> [String],
        blocksContaining: @escaping @Sendable (String) -> [String]
    ) {
        self.topLevel = topLevel
        self.blockNamed = blockNamed
        self.suggestions = suggestions
        self.blocksContaining = blocksContaining
    }
}

extension SchemaView {
    /// The real keyword tables (`KeepalivedSchema`).
    public static let keepalived: SchemaView = {
        var view = SchemaView(
            topLevel: KeepalivedSchema.topLevel,
            blockNamed: { KeepalivedSchema.block($0) },
            suggestions: { KeepalivedSchema.suggestions(for: $0, in: $1) },
            blocksContaining: { KeepalivedSchema.blocks(containing: $0) })
        view.isKeepalived = true
        return view
    }()
}
