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
        let workerCount = max(1, min(workers, files.count))
        guard workerCount > 1 else { return files.map { Analyzer.analyze(path: $0.path, text: $0.text) } }
        var results = [NodeAnalysis?](repeating: nil, count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each file is analysed once, by one thread, into its own slot: the writes never overlap.
            nonisolated(unsafe) let output = buffer
            ParallelWork.forEach(files.count, threads: workerCount) { index in
                output[index] = Analyzer.analyze(path: files[index].path, text: files[index].text)
            }
        }
        return results.compactMap { $0 }
    }

    /// What kalint lints: one `LintNode` per root file read through `fileSystem`, in the order
    /// given, on every core. A large file's tree facts are derived on its worker's thread while
    /// the binder's thread builds the model (`Analyzer.analyze(path:options:fileSystem:overlapping:)`).
    static func lintNodes(
        paths: [String], options: ExpansionOptions, fileSystem: some ConfigFileSystem, target: KeepalivedVersion,
        workers: Int = FleetAnalysis.processorCount
    ) -> [LintNode] {
        func node(_ path: String) -> LintNode {
            let (analysis, tree) = Analyzer.analyze(path: path, options: options, fileSystem: fileSystem) { TreeFacts($0) }
            return LintNode(analysis, target: target, tree: consume tree)
        }
        let workerCount = max(1, min(workers, paths.count))
        guard workerCount > 1 else { return paths.map(node) }
        var results = [LintNode?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            ParallelWork.forEach(paths.count, threads: workerCount) { index in output[index] = node(paths[index]) }
        }
        return results.compactMap { $0 }
    }

    /// One `NodeAnalysis` per root file read through `fileSystem` (includes followed), in the order
    /// given, on every core.
    public static func analyze(
        paths: [String], options: ExpansionOptions, fileSystem: some ConfigFileSystem,
        workers: Int = FleetAnalysis.processorCount
    ) -> [NodeAnalysis] {
        let workerCount = max(1, min(workers, paths.count))
        guard workerCount > 1 else { return paths.map { Analyzer.analyze(path: $0, options: options, fileSystem: fileSystem) } }
        var results = [NodeAnalysis?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            ParallelWork.forEach(paths.count, threads: workerCount) { index in
                output[index] = Analyzer.analyze(path: paths[index], options: options, fileSystem: fileSystem)
            }
        }
        return results.compactMap { $0 }
    }
}
