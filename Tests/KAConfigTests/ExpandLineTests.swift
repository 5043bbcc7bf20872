import Testing
@testable import KAConfig

@Suite("Expand: lines, comments, braces")
struct ExpandLineTests {
    @Test func bracesSplitLinesAndResidueIsReprocessed() {
        let (texts, _) = expandText("vrrp_instance X { virtual_ipaddress { 192.0.2.1 } }\n")
        #expect(texts == ["vrrp_instance X", "{", "virtual_ipaddress", "{", "192.0.2.1", "}", "}"])
    }

    @Test func lineKindsAndWords() {
        let (_, config) = expandText("a \"b c\" d\"e f\"\n{\n}\n")
        #expect(config.lines.map(\.kind) == [.words, .openBrace, .closeBrace])
        let words = config.lines[0].words
        #expect(words.map(\.text) == ["a", "b c", "d", "e f"])
        #expect(words.map(\.isQuoted) == [false, true, false, true])
    }

    @Test func commentsAndEscapes() {
        let (texts, _) = expandText("a b#c\nx \\#y ! z\n\"q # r\" s # t\n   # only a comment\n\n")
        #expect(texts == ["a b", "x #y", "\"q # r\" s"])
    }

    /// keepalived 2.2.7's children re-read the parent's decommented copy, so `\#` becomes a
    /// comment for them (verified in the parity suite); the parent's view is kept, with KA119.
    @Test func escapedCommentCharacterIsReportedForTheChildProcesses() {
        let (texts, config) = expandText("auth_pass ab\\#cd\nx \"q\\#\" y\n")
        #expect(texts == ["auth_pass ab#cd", "x \"q\\#\" y"])
        #expect(config.codes() == ["KA119"])
        #expect(config.diagnostics[0].line == 1 && config.diagnostics[0].column == 14)
    }

    @Test func trailingBackslashGluesToLastWordEvenInsideAComment() {
        let (_, config) = expandText("priority 100 \\\nstate x # note \\\n")
        #expect(config.lines.map { $0.words.map(\.text) } == [["priority", "100\\"], ["state", "x\\"]])
    }

    @Test func quotedBracesDoNotSplit() {
        let (texts, _) = expandText("auth_pass \"{x}\" y { z\n")
        #expect(texts == ["auth_pass \"{x}\" y", "{", "z"])
    }

    @Test func unmatchedQuoteDropsRestOfWords() {
        let (_, config) = expandText("a b \"c d\n")
        #expect(config.lines[0].words.map(\.text) == ["a", "b"])
    }

    @Test func crlfLinesWork() {
        let (texts, _) = expandText("a b\r\n{\r\n}\r\n")
        #expect(texts == ["a b", "{", "}"])
    }

    /// keepalived 2.2.7 reads with fgets(buf, 1024): a longer line is split into 1023-byte chunks
    /// that are read as separate lines (verified: `Unknown keyword 'AAA…'` then `'AAAAAAA'`).
    @Test func longLinesAreSplitIntoChunks() {
        let (texts, config) = expandText(String(repeating: "A", count: 1030) + " B\nC\n")
        #expect(texts == [String(repeating: "A", count: 1023), String(repeating: "A", count: 7) + " B", "C"])
        let second = config.lines[1].words[0].origin
        #expect(second.line == 1 && second.column == 1024)
    }

    /// A NUL ends the line for keepalived (strlen); the rest of that physical line is lost.
    @Test func embeddedNulTruncatesTheLine() {
        let (texts, _) = expandText("abc\u{0}def\nxyz\n")
        #expect(texts == ["abc", "xyz"])
    }

    @Test func conditionalLines() {
        let text = "@vm a\n@^vm b\n@other c\n@^other d\n@vm\n  @vm   e f\n"
        #expect(expandText(text, options: ExpansionOptions(configID: "vm")).texts == ["a", "d", "e f"])
        // Without a config id, @id lines are dropped and @^id lines kept.
        #expect(expandText(text).texts == ["b", "d"])
    }

    /// The residue after a brace goes through the @id check before it is split again, so a
    /// non-matching `@id` drops the closing brace too (verified: keepalived -t -i vm on
    /// `global_defs { @other router_id x }` reports "There are 1 missing '}'s").
    @Test func braceResidueHonoursConditional() {
        let options = ExpansionOptions(configID: "n1")
        #expect(expandText("blk { @n1 kw1 }\nblk { @n2 kw2 }\n", options: options).texts == ["blk", "{", "kw1", "}", "blk", "{"])
        // The @id applies to the whole rest of the line, braces included.
        #expect(expandText("@n2 blk { a }\n", options: options).texts == [])
    }

    @Test func unknownIncludeVariantIsAnOrdinaryLine() {
        let (texts, config) = expandText("includex foo\ninclude\n")
        #expect(texts == ["includex foo", "include"])
        #expect(config.diagnostics.isEmpty)
    }
}
