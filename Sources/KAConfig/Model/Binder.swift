/// The result of binding: the typed model and what binding found (KA2xx).
public struct BindResult: Sendable {
    public var model: Configuration
    public var diagnostics: [Diagnostic]
    /// The statements as bound to schema rows, per block level (for lint rules that need words).
    public var tree: BoundTree
    /// The `vrrp_instance` block in `tree.blocks` of each of `model.instances`, in the same order,
    /// recorded as the model is built (empty when it was not). A reader that needs an instance's
    /// block takes it here instead of looking its name up. It describes the instances as built:
    /// code that edits `model.instances` empties it, and readers then look the names up.
    public var instanceBlocks: [Int32]

    public init(model: Configuration, diagnostics: [Diagnostic], tree: BoundTree, instanceBlocks: [Int32] = []) {
        self.model = model
        self.diagnostics = diagnostics
        self.tree = tree
        self.instanceBlocks = instanceBlocks
    }
}

/// Binds expanded lines to the keyword schema the way keepalived 2.2.7 reads them, then builds
/// the typed model.
public enum Binder {
    /// Binds against the real keyword schema.
    public static func bind(_ config: ExpandedConfig) -> BindResult { bind(config, schema: .keepalived) }

    public static func bind(_ config: ExpandedConfig, schema: SchemaView) -> BindResult {
        var walker = KeywordWalker(schema: schema, config: config)
        walker.run()
        return buildModel(walker)
    }

    /// Binds lines arriving in chunks from an expansion running on another thread. `treeBound`
    /// gets the bound tree when the walk ends, before the model is built from it.
    static func bind(
        chunksFrom channel: LineChunkChannel, expectedLines: Int, schema: SchemaView, treeBound: (BoundTree) -> Void = { _ in }
    ) -> BindResult {
        // About 13 bytes of small allocations per line at 5,000 instances (the walk's and the model's).
        ThreadHeap.reserve(bytes: expectedLines * 16)
        var walker = KeywordWalker(schema: schema, expectedLines: expectedLines, syntaxDiagnostics: { channel.diagnostics() })
        while true {
            guard let chunk = channel.next() else { break }
            // Consumed, so that the walker holds the only reference when it gives the chunk
            // back: a copy kept here until the iteration ended could make the expansion's
            // refill find the array shared and allocate a new one (71 page faults) while this
            // thread freed the old (see `LineChunkChannel.send`).
            walker.walk(consume chunk)
            channel.giveBack(walker.takeLines())
        }
        walker.finish()
        treeBound(walker.tree)
        return buildModel(walker)
    }

    private static func buildModel(_ walker: KeywordWalker) -> BindResult {
        var builder = ModelBuilder(tree: walker.tree)
        let model = builder.build()
        return BindResult(
            model: model, diagnostics: walker.diagnostics + builder.diagnostics, tree: walker.tree,
            instanceBlocks: builder.instanceBlocks)
    }
}
