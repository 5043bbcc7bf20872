/// The front end for files on disk or in memory: expand (includes, conditionals, parameters),
/// then bind to the schema. One `NodeAnalysis` per root file.
public enum Analyzer {
    public static func analyze(
        path: String, options: ExpansionOptions = ExpansionOptions(), fileSystem: some ConfigFileSystem
    ) -> NodeAnalysis {
        analyze(path: path, options: options, fileSystem: fileSystem, pipeline: .standard)
    }

    /// One in-memory file (includes resolved against `fileSystem`, empty by default).
    public static func analyze(
        path: String, text: String, options: ExpansionOptions = ExpansionOptions(),
        fileSystem: some ConfigFileSystem = InMemoryFileSystem(files: [:])
    ) -> NodeAnalysis {
        analyze(path: path, text: text, options: options, fileSystem: fileSystem, pipeline: .standard)
    }

    /// One in-memory file on the calling thread only (for measuring the work itself).
    @_spi(Benchmark) public static func analyzeSequentially(path: String, text: String) -> NodeAnalysis {
        analyze(path: path, text: text, options: ExpansionOptions(), fileSystem: InMemoryFileSystem(files: [:]), pipeline: .sequential)
    }

    static func analyze(
        path: String, options: ExpansionOptions, fileSystem: some ConfigFileSystem, pipeline: AnalysisPipeline
    ) -> NodeAnalysis {
        var reader = LineReader(fileSystem: fileSystem, options: options, preloaded: [:])
        reader.backgroundParseBytes = pipeline.minimumBytes
        Expander.openRoot(&reader, path: path)
        return run(&reader, path: path, pipeline: pipeline)
    }

    /// `analyze(path:options:fileSystem:)`, and what `overlapping` derives from the bound tree
    /// alone (kalint's per-node facts). For a large file it runs on the calling thread while the
    /// binder's thread builds the model from the same tree (its second argument is then true):
    /// that thread would otherwise wait, one core idle. For a small file it runs after the analysis.
    package static func analyze<Derived: Sendable>(
        path: String, options: ExpansionOptions, fileSystem: some ConfigFileSystem,
        overlapping derive: (BoundTree, _ besideModel: Bool) -> Derived
    ) -> (NodeAnalysis, Derived) {
        var reader = LineReader(fileSystem: fileSystem, options: options, preloaded: [:])
        reader.backgroundParseBytes = AnalysisPipeline.standard.minimumBytes
        Expander.openRoot(&reader, path: path)
        var derived: Derived?
        let analysis = run(&reader, path: path, pipeline: .standard) { derived = derive($0, true) }
        guard let derived else { return (analysis, derive(analysis.bound.tree, false)) }
        return (analysis, derived)
    }

    static func analyze(
        path: String, text: String, options: ExpansionOptions, fileSystem: some ConfigFileSystem, pipeline: AnalysisPipeline
    ) -> NodeAnalysis {
        let root = PendingFile(
            path: path, bytes: SourceFile.bytes(of: text), backgroundBytes: pipeline.minimumBytes,
            keepingTree: options.keepsSyntaxTrees, deferringScan: true)
        var reader = LineReader(fileSystem: fileSystem, options: options, preloaded: [path: root])
        reader.backgroundParseBytes = pipeline.minimumBytes
        _ = reader.openRoot(path: path)
        return run(&reader, path: path, pipeline: pipeline)
    }

    /// A small root file is expanded, then bound. A large one is bound on a second thread while
    /// it is expanded, and its syntax tree built on a third: the same result, sooner. The
    /// expanded lines are dropped once bound (the statements keep their words): the analysis
    /// holds no `lines` (`Expander.expand` gives them).
    ///
    /// `whileModelIsBuilt`, when the file is large enough to be bound on the second thread, gets
    /// the bound tree on the calling thread while that thread builds the model.
    static func run<FileSystem>(
        _ reader: inout LineReader<FileSystem>, path: String, pipeline: AnalysisPipeline,
        whileModelIsBuilt: (BoundTree) -> Void = { _ in }
    ) -> NodeAnalysis {
        // The size only: a copy of the root's context bound here would hold its bytes to the end.
        guard (reader.contexts.first?.source.byteCount ?? 0) >= pipeline.minimumBytes else {
            var expanded = Expander.run(&reader, rootPath: path)
            releaseSources(&expanded, &reader)
            let bound = Binder.bind(expanded, schema: .keepalived)
            expanded.lines = []
            return NodeAnalysis(path: path, expanded: expanded, bound: bound)
        }
        let channel = LineChunkChannel()
        let expectedLines = Expander.expectedLines(reader)
        let walked = OneShot<BoundTree>()
        // The two threads on two CPUs while they hand work to each other (see `CPUPlacement`):
        // this thread on its CPU until the model is built, the binder off it.
        let placement = CPUPlacement.startPipeline()
        defer { placement.end() }
        // The root's scan for findings, run by the binder before the first lines reach it.
        let rootScan = reader.rootScan
        reader.rootScan = nil
        let binding = BackgroundJob(avoiding: placement.cpu) {
            rootScan?.claim()
            return Binder.bind(chunksFrom: channel, expectedLines: expectedLines, schema: .keepalived) { walked.set($0) }
        }
        var expanded = Expander.run(
            &reader, rootPath: path, chunkLines: pipeline.chunkLines, emit: { channel.send(&$0) }, keepLines: false,
            linesEnded: { channel.endLines() })
        releaseSources(&expanded, &reader)
        channel.finish(diagnostics: expanded.diagnostics)
        channel.destroyDiscardedUntilWalkEnds()
        let tree = walked.value
        let instanceBlocks = InstanceBlockTable(tree)
        whileModelIsBuilt(tree)
        return NodeAnalysis(path: path, expanded: expanded, bound: binding.value, instanceBlocks: instanceBlocks)
    }
}

extension Analyzer {
    /// With `releasesSources`, the files' bytes are dropped once expanded, before the model and
    /// the tree facts are built (the reader's copies too: it reads nothing more).
    static func releaseSources<FileSystem>(_ expanded: inout ExpandedConfig, _ reader: inout LineReader<FileSystem>) {
        guard reader.options.releasesSources else { return }
        for path in expanded.files.keys {
            expanded.files[path] = expanded.files[path]?.releasingSource(rereadingThrough: reader.fileSystem)
        }
        reader.trees = [:]
        reader.contexts = []
    }
}

/// When the front end overlaps its stages: for root files of at least `minimumBytes`, parsing
/// and binding run beside the expansion, which hands the binder chunks of `chunkLines` lines.
struct AnalysisPipeline: Sendable {
    var minimumBytes: Int
    var chunkLines: Int

    /// Below ~256 KB the threads would cost more than they save.
    static let standard = AnalysisPipeline(minimumBytes: 256 << 10, chunkLines: 4096)
    static let sequential = AnalysisPipeline(minimumBytes: Int.max, chunkLines: Int.max)
}
