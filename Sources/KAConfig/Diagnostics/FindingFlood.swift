/// A line that makes thousands of findings of one rule (65,000 `{` on one line made 65,000
/// missing-close-brace and 65,000 unexpected-open-brace findings, 54 MB of output) is reported
/// with its first `perLine` findings of that rule and one finding that counts the rest, in
/// every output format of kalint and in kafmt's refusals. No finding is dropped silently: the
/// count says how many, and fixing the first ones is what the user does anyway.
public enum FindingFlood {
    public static let perLine = 20

    /// `diagnostics` in output order (`sortedForOutput()`), each (rule, file, line) cut after
    /// `perLine` findings. The findings of one line are next to each other in that order, so
    /// the counting needs memory for one line's codes only. Findings not yet in that order are
    /// put in it first (checking the order costs one pass; the engine hands them over sorted).
    public static func limit(_ unordered: [Diagnostic]) -> [Diagnostic] {
        let diagnostics = unordered.sortedForOutput()
        guard diagnostics.count > perLine, lineRuns(diagnostics).contains(where: { $0.count > perLine }) else {
            return diagnostics
        }
        var result: [Diagnostic] = []
        for run in lineRuns(diagnostics) {
            if run.count <= perLine {
                result.append(contentsOf: diagnostics[run])
            } else {
                limitLine(diagnostics[run], into: &result)
            }
        }
        return result
    }

    /// The ranges of findings on one line of one file, in order.
    private static func lineRuns(_ diagnostics: [Diagnostic]) -> UnfoldSequence<Range<Int>, Int> {
        sequence(state: 0) { start in
            guard start < diagnostics.count else { return nil }
            var end = start + 1
            while end < diagnostics.count, diagnostics[end].line == diagnostics[start].line,
                diagnostics[end].file == diagnostics[start].file
            {
                end += 1
            }
            defer { start = end }
            return start..<end
        }
    }

    /// The findings of one line: the first `perLine` of each code, then one that counts the rest.
    private static func limitLine(_ line: ArraySlice<Diagnostic>, into result: inout [Diagnostic]) {
        var counts: [String: Int] = [:]
        for diagnostic in line { counts[diagnostic.code, default: 0] += 1 }
        var shown: [String: Int] = [:]
        for diagnostic in line {
            let index = shown[diagnostic.code, default: 0]
            shown[diagnostic.code] = index + 1
            if index < perLine {
                result.append(diagnostic)
            } else if index == perLine {
                let rest = counts[diagnostic.code, default: 0] - perLine
                result.append(Diagnostic(
                    diagnostic.rule,
                    "and \(rest) more \(diagnostic.rule.slug) finding\(rest == 1 ? "" : "s") on this line (the first \(perLine) are shown)",
                    at: diagnostic.span, severity: diagnostic.severity))
            }
        }
    }
}
