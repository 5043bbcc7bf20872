extension SchemaView {
    /// The real keepalived schema, as the analyzer binds with it.
    public static let keepalivedSchema = SchemaView(
        topLevel: KeepalivedSchema.topLevel,
        blockNamed: { KeepalivedSchema.block($0) },
        suggestions: { KeepalivedSchema.suggestions(for: $0, in: $1) },
        blocksContaining: { KeepalivedSchema.blocks(containing: $0) })
}
