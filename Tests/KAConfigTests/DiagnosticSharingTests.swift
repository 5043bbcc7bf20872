import KAJSON
import Testing
@testable import KAConfig
@testable import KALint

/// A finding is one shared box (copy on write), and the engine's preference of a dedicated
/// finding over a generic one at the same place compares rule codes.
@Suite struct DiagnosticSharingTests {
    static func finding(_ rule: DiagnosticRule, line: Int, column: Int = 5, _ message: String = "m") -> Diagnostic {
        Diagnostic(
            rule, message,
            at: SourceSpan(file: "a.conf", start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: column + 1)))
    }

    @Test func aFindingIsOneReference() {
        #expect(MemoryLayout<Diagnostic>.size == MemoryLayout<AnyObject>.size)
    }

    @Test func changingACopyLeavesTheOriginal() {
        let original = Self.finding(SemanticRules.unknownKeyword, line: 3, "first")
        var copy = original
        #expect(copy == original)
        copy.message += " and more"
        copy.severity = .info
        copy.span.start.line = 9
        copy.related.append(RelatedLocation(file: "b.conf", line: 1, column: 1, message: "here"))
        copy.fixIts = [FixIt(message: "fix", edits: [])]
        copy.rule = SemanticRules.wrongCase
        #expect(original.message == "first")
        #expect(original.severity == SemanticRules.unknownKeyword.severity)
        #expect(original.line == 3)
        #expect(original.related.isEmpty && original.fixIts.isEmpty)
        #expect(original.rule == SemanticRules.unknownKeyword)
        #expect(copy.message == "first and more" && copy.severity == .info && copy.line == 9)
        #expect(copy.related.count == 1 && copy.fixIts.count == 1 && copy.code == SemanticRules.wrongCase.code)
        #expect(copy != original)
    }

    @Test func equalFindingsInTwoBoxesAreEqualAndHashAlike() {
        let a = Self.finding(SemanticRules.unknownKeyword, line: 3, "same")
        let b = Self.finding(SemanticRules.unknownKeyword, line: 3, "same")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != Self.finding(SemanticRules.unknownKeyword, line: 3, "other"))
        #expect(a != Self.finding(SemanticRules.unknownKeyword, line: 3, column: 6, "same"))
        var severe = b
        severe.severity = .info
        #expect(a != severe)
        #expect(Set([a, b, severe]).count == 2)
    }

    @Test func aDedicatedFindingReplacesEachGenericOneAtItsPlace() {
        let dedicated = DiagnosticRule(code: "KA900", slug: "dedicated", severity: .error, summary: "")
        let findings = [
            Self.finding(SemanticRules.valueOutOfRange, line: 2),
            Self.finding(dedicated, line: 2),
            Self.finding(SemanticRules.invalidNumber, line: 4),
            Self.finding(SemanticRules.wrongCase, line: 6),
            Self.finding(dedicated, line: 6, column: 9),
            Self.finding(SemanticRules.unresolvedReference, line: 8),
            Self.finding(SemanticRules.trailingJunk, line: 8),
            Self.finding(SemanticRules.invalidValue, line: 10),
            Self.finding(dedicated, line: 10),
        ]
        let kept = LintEngine.preferSpecific(findings)
        // Line 2 and 10: the dedicated finding only. Line 4: a generic finding alone stays.
        // Line 6: another column is another place. Line 8: generic findings never replace each other.
        #expect(kept.map(\.line) == [2, 4, 6, 6, 8, 8, 10])
        #expect(kept.map(\.code) == ["KA900", "KA205", "KA204", "KA900", "KA217", "KA206", "KA900"])
        let noGeneric = [Self.finding(dedicated, line: 1), Self.finding(SemanticRules.unknownKeyword, line: 1)]
        #expect(LintEngine.preferSpecific(noGeneric) == noGeneric)
    }
}

/// The SARIF head with the registry's rule catalogue is written once per process; a document
/// with a rule outside the registry writes its own. Both read back as the same kind of run.
@Suite struct SARIFHeadTests {
    static func document(_ diagnostics: [Diagnostic]) throws -> JSONValue {
        var text = ""
        SARIFRenderer.stream(diagnostics, rules: RuleRegistry.allRules) { text += $0 }
        return try JSONParser.parse(text)
    }

    @Test func theRegistryHeadIsTheCatalogueWrittenInFull() {
        #expect(SARIFRenderer.registryHead.rules == RuleRegistry.allRules)
        #expect(SARIFRenderer.registryHead.text == SARIFRenderer.head(RuleRegistry.allRules))
        #expect(SARIFRenderer.registryHead.text.hasSuffix("\"results\":["))
    }

    @Test(arguments: [false, true]) func resultsNameTheirRules(outsideRule: Bool) throws {
        let known = DiagnosticSharingTests.finding(SemanticRules.unknownKeyword, line: 2)
        let other = DiagnosticRule(code: "KA999", slug: "elsewhere", severity: .warning, summary: "Not \"registered\".")
        let findings = outsideRule ? [known, DiagnosticSharingTests.finding(other, line: 3)] : [known, known]
        let document = try Self.document(findings)
        let run = try #require(document[path: "runs"]?.array?.first)
        let rules = try #require(run[path: "tool", "driver", "rules"]?.array)
        let results = try #require(run[path: "results"]?.array)
        #expect(rules.count == RuleRegistry.allRules.count + (outsideRule ? 1 : 0))
        #expect(results.count == 2)
        for (result, finding) in zip(results, findings) {
            let index = try #require(result[path: "ruleIndex"]?.int)
            #expect(rules[index][path: "id"]?.string == finding.code)
            #expect(result[path: "ruleId"]?.string == finding.code)
            #expect(result[path: "locations"]?.array?.first?[path: "physicalLocation", "region", "startLine"]?.int == finding.line)
        }
        #expect(try Self.document([]) [path: "runs"]?.array?.first?[path: "results"]?.array?.isEmpty == true)
    }
}

/// An unknown word's finding is described once per kind of place and reused: each place still
/// gets its own location and fix-it, and a trap or another block its own text.
@Suite struct UnknownKeywordTextTests {
    @Test func aRepeatedUnknownWordIsDescribedAlikeAtEachPlace() throws {
        let text = """
            vrrp_instance A {
                Priority 100
                bogus 1
            }
            vrrp_instance B {
                Priority 100
                bogus 1
                bogus
                {
                }
            }
            bogus 2
            vrrp_script s {
                bogus 3
            }

            """
        let analysis = Analyzer.analyze(path: "/c/unknown.conf", text: text)
        let found = analysis.frontEndDiagnostics.sorted { $0.line < $1.line }
        let wrongCase = found.filter { $0.rule == SemanticRules.wrongCase }
        #expect(wrongCase.map(\.line) == [2, 6])
        let source = SourceFile(path: "/c/unknown.conf", text: text)
        for finding in wrongCase {
            let edit = try #require(finding.fixIts.first?.edits.first)
            #expect(String(decoding: source.bytes[edit.range], as: UTF8.self) == "Priority")
            #expect(source.location(of: edit.range.lowerBound).line == finding.line)
            #expect(edit.replacement == "priority")
        }
        #expect(wrongCase[0].message == wrongCase[1].message)
        let unknown = found.filter { $0.message.contains("'bogus'") }
        #expect(unknown.map(\.line) == [3, 7, 8, 12, 14])
        #expect(unknown[0].message == unknown[1].message && unknown[0].rule == SemanticRules.unknownKeyword)
        #expect(unknown[0].message.hasPrefix("unknown keyword 'bogus' in 'vrrp_instance'"))
        #expect(unknown[2].rule == SemanticRules.unknownBlockKeyword && unknown[2].message.contains("opens a block"))
        #expect(unknown[3].message.hasPrefix("unknown keyword 'bogus' at the top level"))
        #expect(unknown[4].message.hasPrefix("unknown keyword 'bogus' in 'vrrp_script'"))
        #expect(Set([unknown[0].message, unknown[2].message, unknown[3].message, unknown[4].message]).count == 4)
    }

    /// Keys compare the word's bytes, as keepalived does: two spellings of "é" that Swift calls
    /// equal are two words, and two findings.
    @Test func unknownWordKeysCompareBytes() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(UTF8Key(composed) != UTF8Key(decomposed))
        #expect(UTF8Key(composed) == UTF8Key(String(decoding: Array(composed.utf8), as: UTF8.self)))
        #expect(Set([UTF8Key(composed), UTF8Key(decomposed), UTF8Key(composed)]).count == 2)
        let place = Origin(file: "/c/u.conf", line: 1, column: 1, byteRange: 0..<5)
        let reports = Set([composed, decomposed].map { UnknownKeywordReport(origin: place, keyword: UTF8Key($0), block: "", atTop: true) })
        #expect(reports.count == 2)
        let analysis = Analyzer.analyze(path: "/c/u.conf", text: "\(composed) 1\n\(decomposed) 1\n\(composed) 2\n")
        #expect(analysis.frontEndDiagnostics.filter { $0.rule == SemanticRules.unknownKeyword }.count == 3)
    }
}
