import Testing
@testable import KAConfig
@testable import KALint

/// Inputs that make very many findings, or findings on very long lines, cost output and time in
/// proportion to what is shown (found by probing 64 KB inputs: 65,000 `{` on one line took kalint
/// 270 s and kafmt 8 GB; 850 instances on one VRID took kalint 2.6 s and printed 36 MB).
@Suite struct FindingVolumeTests {
    static func render(_ diagnostics: [Diagnostic], _ source: SourceFile) -> String {
        HumanRenderer(sources: [source.path: source], color: false).render(diagnostics)
    }

    /// The whole rendering, byte for byte, plain and coloured: location, severity, message, rule,
    /// the excerpt (a NUL shown as a blank, a tab kept under the caret), a note with its own
    /// excerpt, a fix-it, and a line that is not UTF-8 (shown repaired).
    @Test func renderingIsExactPlainAndColoured() {
        let source = SourceFile(path: "r.conf", bytes: Array("\tab\u{0}cd\n".utf8) + [0x78, 0xFF, 0x79, 0x0A])
        let diagnostic = Diagnostic(
            SyntaxRules.lineTooLong, "the \"message\"", at: source.span(3..<5),
            related: [RelatedLocation(file: "r.conf", line: 2, column: 2, message: "here")],
            fixIts: [FixIt(message: "do this", edits: [])])
        let plain = HumanRenderer(sources: [source.path: source], color: false).render(diagnostic)
        #expect(plain == """
            r.conf:1:4: error: the "message" [KA104 line-too-long]
                \tab cd
                \t  ^~
            r.conf:2:2: note: here
                x\u{FFFD}y
                 ^
              fix-it: do this

            """)
        let coloured = HumanRenderer(sources: [source.path: source], color: true).render(diagnostic)
        let escape = "\u{1B}["
        #expect(coloured == """
            \(escape)1mr.conf:1:4: \(escape)0m\(escape)1;31merror: \(escape)0m\(escape)1mthe "message"\(escape)0m [KA104 line-too-long]
                \tab cd
                \(escape)1;32m\t  ^~\(escape)0m
            \(escape)1mr.conf:2:2: \(escape)0m\(escape)36mnote: \(escape)0mhere
                x\u{FFFD}y
                \(escape)1;32m ^\(escape)0m
            \(escape)32m  fix-it: \(escape)0mdo this

            """)
    }

    /// A finding far along a long line shows the bytes around it, cut with `...`, and the caret
    /// stands under the byte it names.
    @Test func excerptOfALongLineIsAWindowAroundTheFinding() throws {
        let text = String(repeating: "a", count: 1500) + "X" + String(repeating: "b", count: 1500) + "\n"
        let source = SourceFile(path: "t.conf", bytes: Array(text.utf8))
        let diagnostic = Diagnostic(SyntaxRules.lineTooLong, "m", at: source.span(1500..<1501))
        let lines = Self.render([diagnostic], source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = try #require(lines.first { $0.contains("X") })
        let caret = try #require(lines.first { $0.contains("^") })
        #expect(shown.hasPrefix("    ... ") && shown.hasSuffix(" ..."))
        #expect(shown.utf8.count <= 4 + 4 + HumanRenderer.excerptWidth + 4)
        #expect(Array(shown.utf8).firstIndex(of: UInt8(ascii: "X")) == Array(caret.utf8).firstIndex(of: UInt8(ascii: "^")))
        // At the start of the line: no cut before, the caret at the first column.
        let early = Self.render([Diagnostic(SyntaxRules.lineTooLong, "m", at: source.span(0..<1))], source)
        #expect(early.contains("    aaaa") && early.contains(" ...\n    ^\n"))
        // A line within the width is shown whole, as before.
        let short = SourceFile(path: "s.conf", bytes: Array("\tkey value\n".utf8))
        #expect(Self.render([Diagnostic(SyntaxRules.lineTooLong, "m", at: short.span(5..<10))], short).hasSuffix("    \tkey value\n    \t    ^~~~~\n"))
    }

    /// 65,000 `{` on one line: each rule's findings on that line stop at 20 and one more finding
    /// counts the rest; the human output is a few kilobytes, not 54 MB.
    @Test func findingsOfOneRuleOnOneLineAreCountedAfterTwenty() {
        let text = String(repeating: "{", count: 65_000)
        let node = Analyzer.analyze(path: "t.conf", text: text)
        let report = LintEngine().run([node])
        let byRule = Dictionary(grouping: report.diagnostics, by: \.code)
        for code in ["KA103", "KA106"] {
            let findings = byRule[code] ?? []
            #expect(findings.count == FindingFlood.perLine + 1, "\(code)")
            #expect(findings.last?.message == "and 64980 more \(findings[0].rule.slug) findings on this line (the first 20 are shown)")
        }
        let output = Self.render(report.diagnostics, node.sources["t.conf"]!)
        #expect(output.utf8.count < 40_000)
    }

    /// A rule that reports what it is given, for the engine's own handling of findings.
    struct ScriptedRule: LintRule {
        let rule = SyntaxRules.extraCloseBrace
        let findings: [Diagnostic]
        func check(_ node: LintNode) -> [Diagnostic] { findings }
    }

    /// The engine drops repeated findings by comparing only findings that tie in output order:
    /// a repeat that is not next to its first (A, B, A at one place), and repeats in a long run of
    /// one code at one place (past the run's switch to a set), are dropped all the same; the
    /// first-seen order of ties is kept.
    @Test func repeatedFindingsAreDroppedWhereverTheyAre() {
        let node = Analyzer.analyze(path: "t.conf", text: "x\ny\n")
        let source = node.sources["t.conf"]!
        let here = source.span(0..<1)
        let there = source.span(2..<3)
        func finding(_ message: String, _ span: SourceSpan) -> Diagnostic { Diagnostic(SyntaxRules.extraCloseBrace, message, at: span) }
        let interleaved = [finding("a", here), finding("b", here), finding("z", there), finding("a", here), finding("b", here)]
        let long = (0..<40).map { finding("m\($0 % 30)", there) }
        let engine = LintEngine(singleFileRules: [ScriptedRule(findings: interleaved + long)], fleetRules: [])
        let messages = engine.run([node]).diagnostics.filter { $0.rule == SyntaxRules.extraCloseBrace }.map(\.message)
        #expect(messages == ["a", "b", "z"] + (0..<19).map { "m\($0)" } + ["and 11 more extra-close-brace findings on this line (the first 20 are shown)"])
    }

    /// Sorting for output keeps ties in their order, and an array already in order comes back as
    /// it is.
    @Test func outputOrderIsStableAndIdempotent() {
        let source = SourceFile(path: "t.conf", bytes: Array("a b c\nd\n".utf8))
        let findings = [
            Diagnostic(SyntaxRules.lineTooLong, "late", at: source.span(6..<7)),
            Diagnostic(SyntaxRules.extraCloseBrace, "tie 1", at: source.span(2..<3)),
            Diagnostic(SyntaxRules.lineTooLong, "first", at: source.span(2..<3)),
            Diagnostic(SyntaxRules.extraCloseBrace, "tie 2", at: source.span(2..<3)),
        ]
        let sorted = findings.sortedForOutput()
        #expect(sorted.map(\.message) == ["tie 1", "tie 2", "first", "late"])  // KA102 before KA104 at one place
        #expect(sorted.sortedForOutput().map(\.message) == sorted.map(\.message))
    }

    @Test func floodLimitKeepsOtherLinesAndRulesWhole() {
        let source = SourceFile(path: "t.conf", bytes: Array(String(repeating: "x\n", count: 30).utf8))
        let spread = (0..<30).map { Diagnostic(SyntaxRules.lineTooLong, "m\($0)", at: source.span(($0 * 2)..<($0 * 2 + 1))) }
        #expect(FindingFlood.limit(spread) == spread)
        let oneLine = (0..<25).map { Diagnostic(SyntaxRules.extraCloseBrace, "m\($0)", at: source.span(0..<1)) }
        let mixed = oneLine + [Diagnostic(SyntaxRules.lineTooLong, "other", at: source.span(0..<1))]
        let limited = FindingFlood.limit(mixed)
        #expect(limited.count == 22)
        #expect(limited.filter { $0.rule == SyntaxRules.extraCloseBrace }.last?.message == "and 5 more extra-close-brace findings on this line (the first 20 are shown)")
        #expect(limited.last?.message == "other")
        // Out of output order (one line's findings between other lines'), the line is cut all the same.
        let interleaved = zip(oneLine, spread.dropFirst()).flatMap { [$0, $1] }
        let cut = FindingFlood.limit(interleaved)
        #expect(cut.count == FindingFlood.perLine + 1 + 25)
        #expect(cut.filter { $0.rule == SyntaxRules.extraCloseBrace }.count == FindingFlood.perLine + 1)
    }

    /// A definition replayed many times meets the same unknown words at the same places: the
    /// binder makes each finding once (a 15,000-line definition used 3,000 times made 192,000,
    /// 44 of them distinct: kalint 1.1 s, now 0.4 s).
    @Test func replayedUnknownKeywordsAreReportedOnce() {
        // Each replayed line is placed at the reference: 1,001 lines `zz` at one place.
        let text = "$D=a\\\n" + String(repeating: "zz\\\n", count: 1000) + "zz\n$D\n$D\n"
        let unknown = Analyzer.analyze(path: "t.conf", text: text).bound.diagnostics.filter { $0.code == "KA201" }
        #expect(unknown.count == 4)
        // A sequence changes the word at the same place: each word is reported.
        let sequence = Analyzer.analyze(path: "t.conf", text: "~SEQ(i,1,3) kw$i\n").bound.diagnostics.filter { $0.code == "KA201" }
        #expect(sequence.count == 3)
    }

    /// 30 instances on one VRID: each finding notes the first five earlier instances it conflicts
    /// with and counts the rest (n²/2 notes before).
    @Test func duplicateVRIDNotesAreCapped() {
        let text = (1...30).map { index in
            ValueRulesTests.instance("    interface eth0\n    virtual_router_id 9\n" + ValueRulesTests.vip4, name: "I\(index)")
        }.joined()
        let found = ValueRulesTests.lint(text, only: LintRuleCatalogue.duplicateVRID)
        #expect(found.count == 29)
        #expect(found.map(\.related.count).max() == DuplicateVRIDRule.maximumNotes + 1)
        #expect(found.last?.related.last?.message == "and 24 more earlier instances with VRID 9 that conflict with 'I30'")
        #expect(found.first?.related.count == 1)
        #expect(found[5].related.count == 6 && found[5].related.last?.message.hasPrefix("and 1 more earlier instance with") == true)
    }
}
