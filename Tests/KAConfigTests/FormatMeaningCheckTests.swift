import Testing
@testable import KAConfig
@testable import KAFormat

/// kafmt's reading check (`MeaningCheck`): it sees every kind of change in what keepalived reads,
/// and none where only the layout changed.
@Suite struct FormatMeaningCheckTests {
    func difference(_ original: String, _ formatted: String) -> Diagnostic? {
        let tree = Parser.parse(path: "/etc/keepalived/keepalived.conf", bytes: Array(original.utf8))
        return MeaningCheck.firstDifference(original: tree, formatted: Array(formatted.utf8))
    }

    @Test func layoutAloneIsNoDifference() {
        #expect(difference("vrrp_instance A { state MASTER\n  priority   100 } # c\n", "vrrp_instance A {\n    state MASTER\n    priority 100\n} # c\n") == nil)
        #expect(difference("$D=eth0\nglobal_defs {\nrouter_id $D\n}\n", "$D=eth0\n\nglobal_defs {\n    router_id $D\n}\n") == nil)
        #expect(difference("include a/*.conf\n", "include a/*.conf\n") == nil)
    }

    @Test func aChangedWordIsSeenAtItsLine() throws {
        let found = try #require(difference("global_defs {\n  router_id a\n}\n", "global_defs {\n    router_id b\n}\n"))
        #expect(found.rule == MeaningCheck.rule)
        #expect(found.span.start.line == 2)
    }

    @Test func byteRulesAtLineEndsAreSeen() {
        // $n then a VT is not a reference; without the VT it expands.
        #expect(difference("$n=x\nglobal_defs {\n router_id $n\u{0B}\n}\n", "$n=x\nglobal_defs {\n router_id $n\n}\n") != nil)
        // A comment's lone backslash is glued to the word before it.
        #expect(difference("global_defs {\n router_id a # c\\\n}\n", "global_defs {\n router_id a # c\n}\n") != nil)
        // A quoted word is not the same as the bare word.
        #expect(difference("global_defs {\n router_id \"a\"\n}\n", "global_defs {\n router_id a\n}\n") != nil)
        // A lost line.
        #expect(difference("a\nb\n", "a\n") != nil)
    }

    @Test func scriptTextIsComparedAsItsSplittingReadsIt() {
        // White space runs outside quotes are one separator, also CRs and VTs.
        #expect(difference("vrrp_instance A {\n notify_master /bin/x  a\u{0B}\n}\n", "vrrp_instance A {\n    notify_master /bin/x a\n}\n") == nil)
        // Inside single quotes (one word to the script splitting, two to keepalived's) they count.
        #expect(difference("vrrp_instance A {\n notify_master '/bin/x  a'\n}\n", "vrrp_instance A {\n notify_master '/bin/x a'\n}\n") != nil)
        #expect(MeaningCheck.blanksCollapsed("a \t\r b 'c  d' \\  e\u{0B}") == Array("a b 'c  d' \\  e".utf8))
    }

    @Test func includePatternsAreCompared() {
        #expect(difference("include a.conf\n", "include b.conf\n") != nil)
        #expect(difference("include \r\r#x\n", "include #x\n") != nil)
    }

    @Test func linesUnderAnotherNodesIdAreCompared() {
        let original = "@node1 global_defs {\n}\n@node2 vrrp_instance A { priority 100 }\n"
        #expect(difference(original, "@node1 global_defs {\n}\n@node2 vrrp_instance A { priority 101 }\n") != nil)
        #expect(MeaningCheck.conditionalIDs(Parser.parse(path: "t", bytes: Array("@a x\n@^b y\n@a z\n".utf8))) == ["a", "b"])
        // As keepalived reads the id: decomment drops the backslash that pairs a `#`.
        #expect(MeaningCheck.conditionalIDs(Parser.parse(path: "t", bytes: Array("@a\\#b x\n".utf8))) == ["a#b"])
    }

    @Test func aRefusalByTheCheckIsToldApartFromASyntaxError() throws {
        let found = try #require(self.difference("a\n", "b\n"))
        let refused = FileFormatOutcome(
            path: "t.conf", original: [], formatted: nil, diagnostics: [found], failure: nil, written: false, tree: nil)
        #expect(refused.isRefusedAsLayoutBug && refused.isError)
        #expect(!FileFormatting.format(bytes: Array("a {\n".utf8), path: "t.conf").isRefusedAsLayoutBug)
    }

    /// kafmt's own line-length refusal is a rule of its own: a line that is already too long in
    /// the input is a syntax error (the parser's KA104), not the layout's.
    @Test func aLayoutLengthRefusalIsToldApartFromTheParsersLineTooLong() {
        // 1,022 bytes, keepalived's most; laid out as `x… {` it would be 1,023.
        let fits = FileFormatting.format(bytes: Array((String(repeating: "x", count: 1021) + "{\n}\n").utf8), path: "t.conf")
        #expect(fits.isRefusedForLineLength && fits.diagnostics.map(\.code) == ["KA104"])
        #expect(fits.diagnostics.allSatisfy { $0.rule == Formatter.layoutTooLong && $0.rule != SyntaxRules.lineTooLong })
        let tooLong = FileFormatting.format(bytes: Array((String(repeating: "x", count: 1100) + "\n").utf8), path: "t.conf")
        #expect(tooLong.diagnostics.map(\.rule) == [SyntaxRules.lineTooLong])
        #expect(!tooLong.isRefusedForLineLength)
        // Same code, same wording does not matter: a parser finding with the layout's message is still the parser's.
        let lookalike = Diagnostic(SyntaxRules.lineTooLong, Formatter.layoutTooLongMessage, at: tooLong.diagnostics[0].span)
        #expect(!Formatter.isLayoutTooLong(lookalike))
    }

    @Test func expansionFindingsAreCompared() {
        // An unterminated quote (a finding) that the output would not have.
        #expect(difference("global_defs {\n router_id \"a\n}\n", "global_defs {\n router_id \"a\"\n}\n") != nil)
    }
}
