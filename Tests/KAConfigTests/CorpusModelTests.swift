import Foundation
import Testing
@testable import KAConfig

/// Every corpus file, including the malformed ones, gives a model (`kalint --emit model`) from its
/// recovered tree, deterministically, with no source locations in it.
@Suite struct CorpusModelTests {
    @Test func everyCorpusFileGivesAModel() {
        let files = CorpusFiles.all()
        #expect(files.count > CorpusTests.minimumFileCount)
        for file in files {
            let node = Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem())
            let json = ModelJSON.encode(node.model)
            #expect(json.hasPrefix("{"), "\(file.lastPathComponent): no model")
            #expect(!json.contains(file.path), "\(file.lastPathComponent): the model view leaks a file path")
            let again = ModelJSON.encode(Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem()).model)
            #expect(json == again, "\(file.lastPathComponent): the model view is not deterministic")
        }
    }

    /// A file and its own printed tree mean the same: same model bytes.
    @Test func reprintedFilesGiveTheSameModel() throws {
        for file in CorpusFiles.all().prefix(40) {
            let bytes = try [UInt8](Data(contentsOf: file))
            let tree = Parser.parse(path: file.path, bytes: bytes)
            let original = Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem())
            let reprinted = Analyzer.analyze(
                path: "/reprint.conf", text: String(decoding: tree.printed(), as: UTF8.self))
            if original.expanded.files.count == 1 {
                #expect(ModelJSON.encode(original.model) == ModelJSON.encode(reprinted.model), "\(file.lastPathComponent)")
            }
        }
    }
}
