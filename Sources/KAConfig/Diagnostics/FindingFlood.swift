/// A line that makes thousands of findings of one rule (65,000 `{` on one line made 65,000
/// missing-close-brace and 65,000 unexpected-open-brace findings, 54 MB of output) is reported
/// with its first `perLine` findings of that rule and one finding that counts the rest, in
/// every output format of kalint and in kafmt's refusals. No finding is dropped silently: the
/// count says how many, and fixing the first ones is what the user does anyway.
public enum FindingFlood {
    public static let perLine = 20

    /// `diagnostics` in output order, each (rule, file, line) cut after `perLine` findings.
    public static func limit(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > perLine else { return diagnostics }
        struct Place: Hashable {
            let code: String
            let file: String
            let line: Int
        }
        let places = diagnostics.map { Place(code: $0.code, file: $0.file, line: $0.line) }
        var counts: [Place: Int] = [:]
        for place in places { counts[place, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > perLine }) else { return diagnostics }
        var shown: [Place: Int] = [:]
        var result: [Diagnostic] = []
        for (diagnostic, place) in zip(diagnostics, places) {
            let index = shown[place, default: 0]
            shown[place] = index + 1
            if index < perLine {
                result.append(diagnostic)
            } else if index == perLine {
                let rest = counts[place, default: 0] - perLine
                result.append(Diagnostic(
                    diagnostic.rule,
                    "and \(rest) more \(diagnostic.rule.slug) finding\(rest == 1 ? "" : "s") on this line (the first \(perLine) are shown)",
                    at: diagnostic.span, severity: diagnostic.severity))
            }
        }
        return result
    }
}
