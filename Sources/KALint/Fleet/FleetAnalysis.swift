import KAConfig

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Analyses the node files of a fleet on every core: each file's expansion and binding is
/// independent of the others, so a fleet of many nodes scales with the cores (the fleet rules
/// then run once over all of them). In-memory files only; the caller reads them.
public enum FleetAnalysis {
    /// The processors online (Foundation's `activeProcessorCount` without Foundation).
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public struct File: Sendable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// One `NodeAnalysis` per file, in the order given.
    public static func analyze(_ files: [File], workers: Int = FleetAnalysis.processorCount) -> [NodeAnalysis] {
        ParallelMap.map(files.count, threads: workers) { Analyzer.analyze(path: files[$0].path, text: files[$0].text) }
    }

    /// What kalint lints: one `LintNode` per root file read through `fileSystem`, in the order
    /// given, on every core. A large file's tree facts are derived on its worker's thread while
    /// the binder's thread builds the model (`Analyzer.analyze(path:options:fileSystem:overlapping:)`).
    static func lintNodes(
        paths: [String], options: ExpansionOptions, fileSystem: some ConfigFileSystem, target: KeepalivedVersion,
        workers: Int = FleetAnalysis.processorCount
    ) -> [LintNode] {
        ParallelMap.map(paths.count, threads: workers) { index in
            let (analysis, tree) = Analyzer.analyze(path: paths[index], options: options, fileSystem: fileSystem) {
                TreeFacts($0, besideModel: $1)
            }
            return LintNode(analysis, target: target, tree: consume tree)
        }
    }

    /// One `NodeAnalysis` per root file read through `fileSystem` (includes followed), in the order
    /// given, on every core.
    public static func analyze(
        paths: [String], options: ExpansionOptions, fileSystem: some ConfigFileSystem,
        workers: Int = FleetAnalysis.processorCount
    ) -> [NodeAnalysis] {
        ParallelMap.map(paths.count, threads: workers) { Analyzer.analyze(path: paths[$0], options: options, fileSystem: fileSystem) }
    }
}
