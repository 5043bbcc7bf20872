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

    /// `ModelJSON` writes the bytes Foundation's JSONEncoder writes with the options it had
    /// before KAConfig dropped FoundationEssentials: every corpus model, and strings that need
    /// escapes, empty containers and keys whose byte order differs from other orders.
    @Test func modelBytesAreJSONEncoders() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func foundation(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let files = CorpusFiles.all()
        #expect(files.count > CorpusTests.minimumFileCount)
        for file in files {
            let model = Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem()).model
            #expect(ModelJSON.encode(model) == (try foundation(model)), "\(file.lastPathComponent)")
        }
        var model = Configuration()
        model.other = [
            "quote\"back\\slash/": ["\u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f}", "é ü \u{2028} 😀"],
            "Zed": [], "a": [""], "a-b": ["x"], "a_b": ["y"], "aB": ["z"], "é": ["1"], "10": ["2"], "9": ["3"],
        ]
        var instance = VRRPInstance(name: "VI_1")
        instance.authentication = Authentication()
        instance.notify = ["notify": ScriptCommand(argv: ["/bin/echo", "a b"], user: nil)]
        model.instances = [instance, VRRPInstance(name: "")]
        #expect(ModelJSON.encode(model) == (try foundation(model)))
        #expect(ModelJSON.encode(value: [Int8.min]) == (try foundation([Int8.min])))
        #expect(ModelJSON.encode(value: ["k": [String: Int]()]) == (try foundation(["k": [String: Int]()])))
        #expect(ModelJSON.encode(value: [1.5, -2, 1e21]) == (try foundation([1.5, -2, 1e21])))
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
