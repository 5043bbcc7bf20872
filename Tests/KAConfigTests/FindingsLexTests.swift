import Foundation
import Testing
@testable import KAConfig

/// The findings-only parse lexes without storing white space or building a line table
/// (`Lexer.lex(_:findingsOnly:)`). Its tokens must be the full lexer's less the whitespace ones,
/// and its findings and comments those of the full parse, on every input.
@Suite("Findings-only lexing: the full lexer's tokens less white space, the same findings")
struct FindingsLexTests {
    /// White space keepalived treats specially: CR alone or before LF, VT and FF at a line's
    /// start (they stop `@id`, `$NAME=` and `include` being directives), white space around
    /// includes and definitions and their continuation lines, comments glued to words or not.
    static let tricky: [String] = [
        "a b\n", "  a\t b  \n", "a\r\nb\r\n", "a\rb\n", " \r \n", "\u{0B}@x a\n", "\u{0C}$A=1\n", "\u{0B}include x\n",
        "include  /etc/x.conf  \n", "include \"/a b\"  # c\n", "$NAME=value \\\n  more \\\n\nnext\n", "$N=\\\n\u{0B}\nb\n",
        "@h a\n", "@h \n", "@^h  b # c\n", "~SEQ(i,1,3) a $i\n", "a{b}c\n", "a #c\n", "a#c\n", "a!c\n", "auth_pass Secr3t! # x\n",
        "\"open\n", "a \"q\" b\n", "x \\\n", "x \\ \n", "}\n", "{\n", "a {\n  b\n", "a\n{\n}\n}\n", "a\u{0}b\n", "\t\t\n\n", "",
        String(repeating: "w ", count: 700) + "\n",
    ]

    static func inputs() -> [(label: String, bytes: [UInt8])] {
        var inputs = tricky.enumerated().map { ("tricky \($0.offset)", Array($0.element.utf8)) }
        for url in CorpusFiles.all() {
            if let data = FileManager.default.contents(atPath: url.path) { inputs.append((url.lastPathComponent, Array(data))) }
        }
        for input in MalformedCatalogue.cases where input.bytes.count < 200_000 { inputs.append((input.name, input.bytes)) }
        return inputs
    }

    @Test func tokensAreTheFullLexersLessWhiteSpace() {
        var compared = 0
        for (label, bytes) in Self.inputs() {
            let full = Lexer.lex(bytes, findingsOnly: false)
            let lean = Lexer.lex(bytes, findingsOnly: true)
            let expected = full.tokens.filter { $0.kind != .whitespace }
            guard lean.tokens == expected else {
                Issue.record("\(label): tokens differ")
                continue
            }
            // The notable tokens are the same tokens (their indices differ with the white space).
            #expect(lean.notable.map { lean.tokens[$0] } == full.notable.map { full.tokens[$0] }, "\(label): notable tokens")
            #expect(lean.lineStarts.isEmpty, "\(label): no line table")
            compared += 1
        }
        #expect(compared > 300)
    }

    @Test func findingsAndCommentsAreTheFullParses() {
        for (label, bytes) in Self.inputs() {
            let source = SourceFile(path: "/k.conf", bytes: bytes)
            let tree = Parser.parse(source)
            let (diagnostics, comments) = Parser.findings(source)
            #expect(diagnostics == tree.diagnostics, "\(label): findings")
            #expect(comments == FileComment.all(in: tree.tokens), "\(label): comments")
        }
    }

    /// A comment right after a word is glued to it (keepalived reads the word without the
    /// comment's first byte); after white space it is not, with or without whitespace tokens.
    @Test func gluedCommentsAreFoundWithoutWhitespaceTokens() {
        let source = SourceFile(path: "/k.conf", bytes: Array("auth_pass Secr3t!x # note\nb #c\n".utf8))
        let comments = Parser.findings(source).comments
        #expect(comments.count == 2)
        #expect(comments.first?.gluedWord != nil)
        #expect(comments.last?.gluedWord == nil)
    }
}
