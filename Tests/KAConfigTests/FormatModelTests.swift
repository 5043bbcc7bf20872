import Testing
@testable import KAConfig
@testable import KAFormat

/// The expanded model (`kalint --emit model`) must be identical before and after formatting.
/// The formatter-side equivalents run in `FormatCorpusTests` (same words, same logical lines,
/// whole lines kept) and `FormatKeepalivedTests` (keepalived -t itself).
enum FormatModelCheck {
    /// The expanded model of a configuration as `kalint --emit model` prints it; includes are read
    /// from disk relative to `path`.
    static func emitModel(path: String, bytes: [UInt8]) -> String? {
        let tree = Parser.parse(path: path, bytes: bytes)
        let expanded = Expander.expand(tree: tree, options: ExpansionOptions(), fileSystem: LocalFileSystem())
        return ModelJSON.encode(Binder.bind(expanded, schema: .keepalived).model)
    }
}

@Suite struct FormatModelTests {
    @Test func modelIsIdenticalBeforeAndAfter() throws {
        #expect(FormatCorpusTests.corpusFiles.count > 90)
        for path in FormatCorpusTests.corpusFiles {
            let original = try #require(FormatTestSupport.read(path))
            guard let formatted = Formatter.format(path: path, bytes: original).bytes else { continue }
            let before = FormatModelCheck.emitModel(path: path, bytes: original)
            let after = FormatModelCheck.emitModel(path: path, bytes: formatted)
            #expect(before == after, "\(path): the model changed")
        }
    }
}
