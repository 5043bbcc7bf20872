/// The front end for files on disk or in memory: expand (includes, conditionals, parameters),
/// then bind to the schema. One `NodeAnalysis` per root file.
public enum Analyzer {
    public static func analyze(
        path: String, options: ExpansionOptions = ExpansionOptions(), fileSystem: some ConfigFileSystem
    ) -> NodeAnalysis {
        let expanded = Expander.expand(path: path, options: options, fileSystem: fileSystem)
        let bound = Binder.bind(expanded, schema: .keepalived)
        return NodeAnalysis(path: path, expanded: expanded, bound: bound)
    }

    /// One in-memory file (includes resolved against `fileSystem`, empty by default).
    public static func analyze(
        path: String, text: String, options: ExpansionOptions = ExpansionOptions(),
        fileSystem: some ConfigFileSystem = InMemoryFileSystem(files: [:])
    ) -> NodeAnalysis {
        let tree = Parser.parse(path: path, text: text)
        let expanded = Expander.expand(tree: tree, options: options, fileSystem: fileSystem)
        let bound = Binder.bind(expanded, schema: .keepalived)
        return NodeAnalysis(path: path, expanded: expanded, bound: bound)
    }
}
