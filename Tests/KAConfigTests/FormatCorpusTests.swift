import Testing
@testable import KAConfig
@testable import KAFormat

/// The promises kafmt makes on real configurations: every file of ../shared/corpus/, the samples
/// keepalived ships and our samples/ formats; a second run changes nothing; every word and
/// every comment survives in order; lines that must stay whole stay whole; and keepalived 2.2.7
/// itself reads the same configuration before and after (`FormatKeepalivedTests`).
@Suite struct FormatCorpusTests {
    static let corpusFiles: [String] = {
        let root = FormatTestSupport.packageRoot
        let shared = FormatTestSupport.filesRecursively(in: RepoPaths.sharedCorpus.path)
        let shipped = FormatTestSupport.files(in: "/usr/share/doc/keepalived/samples")
        let ours = FormatTestSupport.filesRecursively(in: root + "/samples")
        return (shared + shipped + ours).filter { path in
            !path.hasSuffix(".md") && !path.hasSuffix(".tsv") && !path.hasSuffix(".sh") && !path.hasSuffix(".gz")
        }
    }()

    @Test func corpusIsPresent() {
        #expect(Self.corpusFiles.count >= 60, "expected ../shared/corpus and the keepalived samples")
    }

    @Test(arguments: corpusFiles)
    func formatKeepsEverythingThatMatters(_ path: String) throws {
        let original = try #require(FormatTestSupport.read(path))
        let before = Parser.parse(path: path, bytes: original)
        // A real-world file with a syntax error (realworld-2 has one whose last block is never
        // closed) is refused, never touched.
        if before.diagnostics.contains(where: { $0.severity == .error }) {
            #expect(Formatter.format(before).bytes == nil)
            return
        }
        let once = try #require(Formatter.format(before).bytes, "refused: \(Formatter.format(before).diagnostics.map(\.message))")
        let after = Parser.parse(path: path, bytes: once)
        #expect(after.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(Formatter.format(after).bytes == once, "format(format(x)) != format(x)")
        FormatInvariants.expectSameWords(before, after)
        FormatInvariants.expectSameComments(before, after)
        FormatInvariants.expectWholeLinesKept(before, after)
        FormatInvariants.expectSameLogicalLines(before, after)
    }
}

/// Checks that compare a file with its formatted version.
enum FormatInvariants {
    /// Significant tokens: same kinds, same bytes, same order; tokens that touched still touch.
    static func expectSameWords(_ before: SyntaxTree, _ after: SyntaxTree, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let old = significant(before)
        let new = significant(after)
        #expect(old.map(\.text) == new.map(\.text), "words differ", sourceLocation: sourceLocation)
        #expect(old.map(\.kind) == new.map(\.kind), "token kinds differ", sourceLocation: sourceLocation)
        #expect(old.map(\.touchesNext) == new.map(\.touchesNext), "adjacency differs", sourceLocation: sourceLocation)
    }

    /// Every comment's text (without trailing blanks) is still there, in the same order.
    static func expectSameComments(_ before: SyntaxTree, _ after: SyntaxTree, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(comments(before) == comments(after), "comments differ", sourceLocation: sourceLocation)
    }

    /// A physical line that keepalived treats as a whole (`@id`, `$`, `~SEQ`, definitions, quoting)
    /// is still one physical line holding the same tokens.
    static func expectWholeLinesKept(_ before: SyntaxTree, _ after: SyntaxTree, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(wholeLines(before) == wholeLines(after), "a line that must stay whole changed", sourceLocation: sourceLocation)
    }

    /// The lines keepalived's reader hands to its keyword lookup: comments gone, braces split
    /// off, words joined by one space. Formatting may move braces and blank lines, never join or
    /// split these.
    static func expectSameLogicalLines(_ before: SyntaxTree, _ after: SyntaxTree, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(logicalLines(before) == logicalLines(after), "keepalived's logical lines differ", sourceLocation: sourceLocation)
    }

    static func logicalLines(_ tree: SyntaxTree) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var spaced = false
        func flush() {
            if !current.isEmpty { lines.append(current) }
            current = []
            spaced = false
        }
        for index in tree.tokens.indices {
            switch tree.tokens[index].kind {
            case .newline: flush()
            case .whitespace, .comment: spaced = true
            case .openBrace, .closeBrace:
                flush()
                lines.append(Array(tree.bytes(of: index)))
            default:
                if spaced, !current.isEmpty { current.append(0x20) }
                spaced = false
                current += tree.bytes(of: index)
            }
        }
        flush()
        return lines
    }

    struct Word: Equatable {
        var kind: TokenKind
        var text: [UInt8]
        /// No byte between this token and the next significant one (braces and the line end aside).
        var touchesNext: Bool
    }

    static func significant(_ tree: SyntaxTree) -> [Word] {
        let indices = tree.tokens.indices.filter { !tree.tokens[$0].kind.isTrivia }
        return indices.enumerated().map { position, index in
            let token = tree.tokens[index]
            var touches = false
            if position + 1 < indices.count {
                let next = tree.tokens[indices[position + 1]]
                let isBrace = { (kind: TokenKind) in kind == .openBrace || kind == .closeBrace }
                touches = next.start == token.end && !isBrace(token.kind) && !isBrace(next.kind)
            }
            return Word(kind: token.kind, text: Array(tree.bytes(of: index)), touchesNext: touches)
        }
    }

    static func comments(_ tree: SyntaxTree) -> [[UInt8]] {
        tree.tokens.indices.filter { tree.tokens[$0].kind == .comment }.map { index in
            let bytes = tree.bytes(of: index)
            return Array(bytes[..<ByteClass.trimTrailingBlanks(tree.source.bytes, start: bytes.startIndex, end: bytes.endIndex)])
        }
    }

    /// The significant text of each non-free physical line, verbatim ones byte for byte.
    static func wholeLines(_ tree: SyntaxTree) -> [[UInt8]] {
        PhysicalLine.lines(of: tree).compactMap { line in
            guard case .code(let layout, _) = line.shape, layout != .free else { return nil }
            let significant = line.tokens.filter { !tree.tokens[$0].kind.isTrivia }
            if layout == .sealed { return Array(significant.map { Array(tree.bytes(of: $0)) }.joined(separator: [0x20])) }
            return Array(tree.source.bytes[tree.tokens[significant.first!].start..<tree.tokens[significant.last!].end])
        }
    }
}
