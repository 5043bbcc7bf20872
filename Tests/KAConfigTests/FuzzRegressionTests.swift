import Foundation
import Testing
@testable import KAConfig
@testable import KAFormat

/// The slow inputs the fuzzers found (Fuzz/Regressions): the analysis and kafmt finish on each,
/// stop at the expansion limits where the input keeps producing lines, and kafmt keeps its
/// promises (it formats, or refuses, without a reading difference).
@Suite struct FuzzRegressionTests {
    static let folder = RepoPaths.root.appendingPathComponent("Fuzz/Regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".conf") }.sorted()
    }

    @Test func theEightInputsArePresent() {
        #expect(Self.inputs.count == 8)
    }

    @Test(arguments: inputs)
    func analysisAndFormattingFinish(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let fileSystem = InMemoryFileSystem(files: ["/fuzz/keepalived.conf": String(decoding: bytes, as: UTF8.self)])
        let analysis = Analyzer.analyze(path: "/fuzz/keepalived.conf", fileSystem: fileSystem)
        #expect(analysis.expanded.lines.count <= 32_769)
        let tree = Parser.parse(path: "/fuzz/keepalived.conf", bytes: bytes)
        if let once = Formatter.layout(tree).bytes, once != bytes {
            #expect(MeaningCheck.firstDifference(original: tree, formatted: once) == nil)
        }
    }
}
