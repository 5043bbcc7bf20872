import Testing
@testable import KAConfig

/// Malformed input never crashes or hangs the parser, always prints back byte for byte, and the
/// parser says what is wrong and on which line.
@Suite(.timeLimit(.minutes(1))) struct MalformedInputTests {
    @Test func catalogueIsLargeEnough() {
        #expect(MalformedCatalogue.cases.count >= 40)
        #expect(Set(MalformedCatalogue.cases.map(\.name)).count == MalformedCatalogue.cases.count, "names must be unique")
        #expect(MalformedCatalogue.cases.allSatisfy { !$0.expected.isEmpty })
    }

    @Test(arguments: MalformedCatalogue.cases) func malformedInputIsLocated(_ input: MalformedCase) {
        let tree = Parser.parse(path: "malformed.conf", bytes: input.bytes)
        #expect(tree.printed() == input.bytes, "the tree does not print back")

        let lineCount = tree.source.lineCount
        for diagnostic in tree.diagnostics {
            #expect((1...lineCount).contains(diagnostic.line) && diagnostic.column >= 1, "\(diagnostic.code) at \(diagnostic.line):\(diagnostic.column)")
            #expect(diagnostic.file == "malformed.conf")
        }

        if let knownIssue = input.knownIssue {
            withKnownIssue(Comment(rawValue: knownIssue)) { expectFindings(input, tree) }
        } else {
            expectFindings(input, tree)
        }
    }

    private func expectFindings(_ input: MalformedCase, _ tree: SyntaxTree) {
        let found = Set(tree.diagnostics.map { MalformedCase.Finding(code: $0.code, line: $0.line) })
        let wanted = Set(input.expected.map { MalformedCase.Finding(code: $0.code, line: $0.line) })
        if input.exact {
            #expect(found == wanted, "found \(describe(found)), expected \(describe(wanted))")
        } else {
            #expect(wanted.isSubset(of: found), "missing \(describe(wanted.subtracting(found)))")
        }
        for finding in input.expected {
            guard let count = finding.count else { continue }
            #expect(tree.diagnostics.filter { $0.code == finding.code }.count == count, "\(finding.code) count")
        }
    }

    /// Odd but well-formed inputs: no diagnostics at all.
    @Test(arguments: [
        ("empty file", ""),
        ("only comments", "# a\n! b\n#{\n!}\n"),
        ("only blank lines", "\n\n \t\n\u{0C}\n"),
        ("no final newline", "global_defs {\n    router_id a\n}"),
        ("CRLF throughout", "global_defs {\r\n    router_id a\r\n}\r\n"),
        ("line of exactly 1022 bytes", "!" + String(repeating: "x", count: 1021) + "\n"),
        ("escaped comment characters", "global_defs {\n    router_id a\\#b\\!c\n}\n"),
        ("multi-line definition", "$X=a \\\n    b\n\nglobal_defs {\n}\n"),
    ]) func wellFormedEdgeCaseHasNoDiagnostics(_ name: String, _ text: String) {
        let tree = Parser.parse(path: "edge.conf", text: text)
        #expect(tree.printed() == Array(text.utf8))
        #expect(tree.diagnostics.isEmpty, "\(name): \(tree.diagnostics.map { "\($0.line): \($0.code)" })")
    }

    private func describe(_ findings: Set<MalformedCase.Finding>) -> String {
        findings.sorted { ($0.line, $0.code) < ($1.line, $1.code) }.map { "\($0.code)@\($0.line)" }.joined(separator: ", ")
    }
}
