import Testing
@testable import KAConfig
@testable import KALint

/// Diagnostics are rendered and written as they are ready, in every format: the largest piece a
/// renderer hands its writer is the same for 1,000 findings as for 100,000 (so the output never
/// sits whole in memory), and the pieces put together are what `render` returns.
@Suite struct OutputStreamingTests {
    /// What a writer saw: how many pieces, the largest, and all of it (when asked).
    struct RecordingWriter {
        var pieces = 0
        var largestPiece = 0
        var totalBytes = 0
        var keep = false
        var text = ""

        mutating func write(_ piece: String) {
            pieces += 1
            largestPiece = max(largestPiece, piece.utf8.count)
            totalBytes += piece.utf8.count
            if keep { text += piece }
        }
    }

    static let source = SourceFile(path: "n1.conf", text: "vrrp_instance VI_1 {\n    priorty 100\n}\n")

    /// `count` findings over two files, every tenth with a note and a fix-it, in output order.
    static func findings(_ count: Int) -> [Diagnostic] {
        (0..<count).map { index in
            let file = index < count / 2 ? "n1.conf" : "n2.conf"
            let line = index % 3 + 1
            let span = SourceSpan(file: file, start: SourceLocation(line: line, column: 5), end: SourceLocation(line: line, column: 12))
            let related = index % 10 == 0 ? [RelatedLocation(file: "n2.conf", line: 1, column: 1, message: "the other node")] : []
            let fixIts = index % 10 == 0 ? [FixIt(message: "use 'priority'", edits: [TextEdit(file: file, range: 25..<32, replacement: "priority")])] : []
            return Diagnostic(
                SemanticRules.unknownKeyword, "'priorty' is not a keyword of vrrp_instance (finding \(index % 7))", at: span,
                related: related, fixIts: fixIts)
        }.sortedForOutput()
    }

    static func stream(_ diagnostics: [Diagnostic], _ format: DiagnosticFormat, keep: Bool = false) -> RecordingWriter {
        var writer = RecordingWriter(keep: keep)
        DiagnosticRenderer.stream(
            diagnostics, format: format, sources: ["n1.conf": source], rules: RuleRegistry.allRules
        ) { writer.write($0) }
        return writer
    }

    @Test(arguments: DiagnosticFormat.allCases)
    func hundredThousandFindingsStreamInPiecesOfBoundedSize(_ format: DiagnosticFormat) {
        let small = Self.stream(Self.findings(1_000), format)
        let large = Self.stream(Self.findings(100_000), format)
        #expect(large.pieces >= 100_000, "\(format): \(large.pieces) pieces for 100,000 findings")
        #expect(large.largestPiece == small.largestPiece, "\(format): the largest piece grew with the findings")
        #expect(large.largestPiece < 32 * 1024, "\(format): a piece of \(large.largestPiece) bytes")
        #expect(large.totalBytes > 100 * large.largestPiece)
    }

    @Test(arguments: DiagnosticFormat.allCases)
    func piecesMakeTheRenderedDocument(_ format: DiagnosticFormat) {
        let diagnostics = Self.findings(50)
        let streamed = Self.stream(diagnostics, format, keep: true)
        #expect(streamed.text == DiagnosticRenderer.render(diagnostics, format: format, sources: ["n1.conf": Self.source], rules: RuleRegistry.allRules))
    }

    /// kalint itself hands its output over finding by finding: nothing comes back in the response.
    @Test(arguments: ["human", "json", "sarif", "github"])
    func kalintWritesFindingsAsTheyAreRendered(_ format: String) {
        // Blank lines first, so that both runs print line numbers of four digits.
        func run(_ lines: Int, blankLines: Int) -> (RecordingWriter, KalintResponse) {
            var text = String(repeating: "\n", count: blankLines) + "global_defs {\n"
            for index in 0..<lines { text += "    no_such_keyword_\(index % 10) 1\n" }
            text += "}\n"
            var writer = RecordingWriter()
            let response = KalintDriver.run(
                KalintRequest(files: ["/n.conf"], format: format), fileSystem: InMemoryFileSystem(files: ["/n.conf": text])
            ) { writer.write($0) }
            return (writer, response)
        }
        let (small, _) = run(100, blankLines: 1_000)
        let (large, response) = run(5_000, blankLines: 0)
        #expect(response.stdout.isEmpty)
        #expect(response.status == 1)
        #expect(large.pieces >= 5_000)
        #expect(large.largestPiece <= small.largestPiece, "\(format): the largest piece grew with the findings")
    }
}
