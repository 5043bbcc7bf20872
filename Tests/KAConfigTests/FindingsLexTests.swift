import Foundation
import Testing
@testable import KAConfig

/// The findings-only parse lexes without storing white space or building a line table, and
/// joins the words of a line that only blanks separate (`Lexer.lexFindings`). Its
/// tokens must be the full lexer's less the whitespace ones with those runs joined, and its
/// findings and comments those of the full parse, on every input.
@Suite("Findings-only lexing: the full lexer's tokens less white space, word runs joined, the same findings")
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
        // Word runs: a backslash inside, at the end, a glued comment at the run's end, VT and FF
        // between words, a lone CR (not a blank to the run), a block never closed.
        "a\\ b\n", "a b\\\n", "a\\ b\\\n", "a b#c\n", "a b c!d e\n", "a \u{0B}b\u{0C} c\n", "a \rb\n", "a\\# b\n",
        "vrrp_instance VI_1 {\n  state MASTER\n", "x y\n{\n", "a b { c d } e f\n",
    ]

    /// The full lexer's tokens as the findings-only lexer gives them: no white space, and words
    /// that only blanks (space, tab, VT, FF) separate joined into one, except a last word that a
    /// comment follows at once.
    static func expectedFindingsTokens(_ full: [Token], _ bytes: [UInt8]) -> [Token] {
        var result: [Token] = []
        var index = 0
        while index < full.count {
            var token = full[index]
            index += 1
            guard token.kind == .word else {
                if token.kind != .whitespace { result.append(token) }
                continue
            }
            while index + 1 < full.count, full[index].kind == .whitespace, full[index + 1].kind == .word,
                bytes[full[index].range].allSatisfy({ [0x20, 0x09, 0x0B, 0x0C].contains($0) })
            {
                let next = full[index + 1]
                let gluedComment = index + 2 < full.count && full[index + 2].kind == .comment && full[index + 2].start == next.end
                if gluedComment {
                    break
                }
                token = Token(kind: .word, start: token.start, end: next.end)
                index += 2
            }
            result.append(token)
        }
        return result
    }

    static func inputs() -> [(label: String, bytes: [UInt8])] {
        var inputs = tricky.enumerated().map { ("tricky \($0.offset)", Array($0.element.utf8)) }
        for url in CorpusFiles.all() {
            if let data = FileManager.default.contents(atPath: url.path) { inputs.append((url.lastPathComponent, Array(data))) }
        }
        for input in MalformedCatalogue.cases where input.bytes.count < 200_000 { inputs.append((input.name, input.bytes)) }
        return inputs
    }

    /// `Lexer.lexFindings` with a budget no file reaches: one batch, the whole file.
    static func lexFindingsInOneBatch(_ bytes: [UInt8]) -> (tokens: [Token], notable: [Int]) {
        var result: (tokens: [Token], notable: [Int]) = ([], [])
        var batches = 0
        Lexer.lexFindings(bytes, tokensPerBatch: bytes.count + 1) { tokens, notable, isLast in
            result = (tokens, notable)
            batches += 1
            #expect(isLast)
        }
        #expect(batches == 1)
        return result
    }

    @Test func tokensAreTheFullLexersLessWhiteSpace() {
        var compared = 0
        for (label, bytes) in Self.inputs() {
            let full = Lexer.lex(bytes)
            let lean = Self.lexFindingsInOneBatch(bytes)
            let expected = Self.expectedFindingsTokens(full.tokens, bytes)
            guard lean.tokens == expected else {
                Issue.record("\(label): tokens differ")
                continue
            }
            // The notable tokens end where the full lexer's do (a run ends with its notable word).
            #expect(
                lean.notable.map { [Int(lean.tokens[$0].kind.rawValue), lean.tokens[$0].end] }
                    == full.notable.map { [Int(full.tokens[$0].kind.rawValue), full.tokens[$0].end] },
                "\(label): notable tokens")
            compared += 1
        }
        #expect(compared > 300)
    }

    /// In batches of the default size (one batch for most inputs) and of one to seven tokens,
    /// where nearly every line ends a batch: a statement's `{` on a later line, a definition's
    /// continuation lines and blocks left open must be seen across batches.
    @Test(arguments: [Parser.findingsBatchTokens, 1, 2, 7])
    func findingsAndCommentsAreTheFullParses(tokensPerBatch: Int) {
        for (label, bytes) in Self.inputs() {
            let source = SourceFile(path: "/k.conf", bytes: bytes)
            let tree = Parser.parse(source)
            let (diagnostics, comments) = Parser.findings(source, tokensPerBatch: tokensPerBatch)
            #expect(diagnostics == tree.diagnostics, "\(label): findings, batches of \(tokensPerBatch)")
            #expect(comments == FileComment.all(in: tree.tokens, bytes: bytes), "\(label): comments, batches of \(tokensPerBatch)")
        }
    }

    /// The batches concatenate to the tokens of one pass, and each but the last ends with a
    /// newline after which the parser needs nothing earlier.
    @Test(arguments: [1, 3, 50])
    func batchesConcatenateToOnePass(tokensPerBatch: Int) {
        for (label, bytes) in Self.inputs() {
            let whole = Self.lexFindingsInOneBatch(bytes)
            var joined: [Token] = []
            var notable: [Token] = []
            var batches = 0
            var lastEnded = false
            Lexer.lexFindings(bytes, tokensPerBatch: tokensPerBatch) { tokens, batchNotable, isLast in
                if !isLast { #expect(tokens.last?.kind == .newline, "\(label): a batch ends with a newline") }
                joined.append(contentsOf: tokens)
                notable.append(contentsOf: batchNotable.map { tokens[$0] })
                batches += 1
                lastEnded = isLast
            }
            #expect(lastEnded, "\(label)")
            #expect(joined == whole.tokens, "\(label): batches of \(tokensPerBatch)")
            #expect(notable == whole.notable.map { whole.tokens[$0] }, "\(label): notable")
        }
    }

    /// Where a batch may not end: before a `{` that a statement on an earlier line opens (blank
    /// and comment lines between), and inside a multi-line definition.
    @Test func batchesDoNotSplitWhatTheParserLooksAheadFor() {
        func batchEnds(_ text: String) -> [Int] {
            var ends: [Int] = []
            Lexer.lexFindings(Array(text.utf8), tokensPerBatch: 1) { tokens, _, isLast in
                if !isLast, let last = tokens.last { ends.append(last.end) }
            }
            return ends
        }
        // After `a` (2), the `{` follows two lines on: no batch ends before it.
        #expect(batchEnds("a\n\n# c\n{\n}\nb\n") == [9, 11, 13])
        // `$N=1 \` continues on the next line: the first batch ends after it.
        #expect(batchEnds("$N=1 \\\n 2\nb\n") == [10, 12])
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
