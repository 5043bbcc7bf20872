import Foundation
import Testing
@testable import KAConfig

/// `SimpleFindings` gives the parser's findings (brace findings and comments) wherever it
/// answers, and declines every file it cannot judge.
@Suite("SimpleFindings: the parser's findings without the parser")
struct SimpleFindingsTests {
    static func source(_ text: String) -> SourceFile { SourceFile(path: "/t.conf", bytes: Array(text.utf8)) }

    static func agree(_ bytes: [UInt8]) -> Bool { SimpleFindings.agreesWithParser(path: "/t.conf", bytes: bytes) }

    @Test func everyCorpusFileAgrees() throws {
        var answered = 0
        let files = CorpusFiles.all()
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            #expect(Self.agree(bytes), "\(file.lastPathComponent)")
            if SimpleFindings.scan(SourceFile(path: file.path, bytes: bytes)) != nil { answered += 1 }
        }
        // Most real files are simple: a scan that always declined would pass the agreement alone.
        #expect(answered * 2 > files.count, "\(answered) of \(files.count) answered")
    }

    /// Random files of the pieces the scan reads and of those it must leave to the parser.
    @Test func randomFilesAgree() {
        let pieces = [
            "vrrp_instance", "VI_1", "state", "MASTER", "a", "i", "include", "includex", "include_x", "@x", "@^y", "$A=1",
            "$B=x\\", "~SEQ(1,1,2)", "x#y", "\\#", "\"q\"", "\"open", " ", "  ", "\t", "\u{0B}", "\u{0C}", "{", "}", "{", "}",
            "# c", "!c", "#kalint disable=x", "! kalint", "\n", "\n", "\n", "\r\n", "\r", "\u{0}", "ü", "priority 100",
        ]
        var random = SplitMix(state: 0x0F1D_1265)
        var answered = 0
        for round in 0..<20_000 {
            var text = ""
            for _ in 0..<random.next(40) { text += pieces[random.next(pieces.count)] }
            if round % 500 == 0 { text += String(repeating: "w", count: 1_010 + random.next(30)) + "\n}" }
            let bytes = Array(text.utf8)
            #expect(Self.agree(bytes), "\(text.debugDescription)")
            if SimpleFindings.scan(SourceFile(path: "/t.conf", bytes: bytes)) != nil { answered += 1 }
        }
        #expect(answered > 2_000, "\(answered) answered")
    }

    @Test func braceFindingsAndComments() throws {
        let text = "a {\n  b # note\n}\n}\n{\nc\n\n# between\n{\nd#glued\n"
        let found = try #require(SimpleFindings.scan(Self.source(text)))
        let parsed = Parser.findings(Self.source(text))
        #expect(found.diagnostics == parsed.diagnostics)
        #expect(found.comments == parsed.comments)
        #expect(found.comments.count == 3)
        // `d#glued`: the comment is glued to `d`.
        let glued = try #require(found.comments.last?.gluedWord)
        #expect(Array(text.utf8)[glued] == Array("d".utf8)[...])
        // A stray `}`, a `{` after it that follows no keyword, then `c` and a `{` two lines on, past
        // a comment: that block is `c`'s. Neither block is closed: the innermost is reported first.
        #expect(found.diagnostics.count == 4)
        #expect(found.diagnostics[0].message.contains("closes no block"))
        #expect(found.diagnostics[1].message.contains("follows no keyword"))
        #expect(found.diagnostics[2].message.contains("the 'c' block opened here is never closed"))
        #expect(found.diagnostics[3].message.contains("the block opened here is never closed"))
    }

    @Test func declinesWhatOnlyTheParserJudges() {
        for text in [
            "a \"b\n", "a \"b\r\n\"\n", "a b\\\n", "\"a\u{0}\"\n", "a\u{0}b\n", "a\rb\n", "@node1 a\n", "$N=1\n", "~SEQ(i,1,2) a\n", "include /x\n",
            "{include x\n", String(repeating: "x", count: 1_023) + "\n",
        ] {
            #expect(SimpleFindings.scan(Self.source(text)) == nil, "\(text.debugDescription)")
        }
        for text in ["a\n", "a \"b { # \\ c\"\n", "a\"b\"#c\n", "a # \"quoted\" \\ in a comment\n", "includes x\n", "x include y\n", "a\r\n", String(repeating: "x", count: 1_022)] {
            #expect(SimpleFindings.scan(Self.source(text)) != nil, "\(text.debugDescription)")
        }
    }
}
