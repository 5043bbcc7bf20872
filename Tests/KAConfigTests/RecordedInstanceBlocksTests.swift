import Foundation
import Testing

@testable import KAConfig

/// `BindResult.instanceBlocks`: the block the model builder recorded for each model instance is
/// the one the name table gives for its name, so the lint facts can take it instead of a lookup.
@Suite struct RecordedInstanceBlocksTests {
    /// The recorded blocks against the name table, instance by instance.
    static func mismatches(_ bound: BindResult) -> [String] {
        let table = InstanceBlockTable(bound.tree)
        guard bound.instanceBlocks.count == bound.model.instances.count else {
            return ["\(bound.instanceBlocks.count) blocks recorded for \(bound.model.instances.count) instances"]
        }
        return bound.model.instances.indices.compactMap { index in
            let name = bound.model.instances[index].name
            let recorded = bound.instanceBlocks[index]
            return table[name] == Int(recorded) ? nil : "\(name): recorded \(recorded), table \(String(describing: table[name]))"
        }
    }

    /// Duplicates, unnamed blocks and blocks with two names (skipped by the binder, as keepalived
    /// skips them) leave no instance and no recorded block; instances after them keep their own.
    @Test func skippedBlocksLeaveNoGap() {
        let text = InstanceBlockTableTests.definitions + "vrrp_instance A B {\n    interface eth5\n}\nvrrp_instance VI_3 {\n}\n"
        let bound = Analyzer.analyze(path: "n.conf", text: text).bound
        #expect(bound.model.instances.map(\.name) == ["VI_1", "VI_2", "caf\u{E9}", "VI_3"])
        #expect(bound.instanceBlocks.count == 4)
        #expect(Self.mismatches(bound).isEmpty, "\(Self.mismatches(bound))")
        let blocks = bound.tree.blocks(ofSpec: "vrrp_instance")
        #expect(bound.instanceBlocks.map(Int.init) == blocks)
    }

    /// A large file, bound on the binder's thread beside the expansion, records them too.
    @Test func largeFileRecordsEveryInstance() {
        let text = (0..<4_000).map { "vrrp_instance VI_\($0) {\n    interface eth0\n    virtual_router_id \($0 % 255 + 1)\n}\n" }.joined()
        #expect(text.utf8.count >= AnalysisPipeline.standard.minimumBytes)
        let bound = Analyzer.analyze(path: "n.conf", text: text).bound
        #expect(bound.model.instances.count == 4_000)
        #expect(Self.mismatches(bound).isEmpty)
    }

    /// Every corpus and sample file: the recorded block is the name's block.
    @Test func corpusFilesRecordTheNamedBlock() throws {
        let files = CorpusFiles.all().filter { $0.pathExtension == "conf" }
        #expect(files.count > 100, "corpus not found")
        var found: [String] = []
        for file in files {
            let analysis = Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem())
            found += Self.mismatches(analysis.bound).map { "\(file.lastPathComponent): \($0)" }
        }
        #expect(found.isEmpty, "\(found.prefix(10))")
    }
}
