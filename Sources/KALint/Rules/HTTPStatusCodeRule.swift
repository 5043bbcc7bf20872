import KAConfig

/// A `status_code` word in an HTTP_GET/SSL_GET url that is not a code (or CODE-CODE range) in
/// 100-599: keepalived 2.2.7 reports "Invalid HTTP_GET status code 'WORD'" and ignores it, so the
/// check accepts other answers than the ones meant.
struct HTTPStatusCodeRule: LintRule {
    let rule = KeepalivedCheckCatalogue.httpStatusCode

    static let codes = 100...599

    func check(_ node: LintNode) -> [Diagnostic] {
        node.statements(withKeywords: ["status_code"]).flatMap { statement in
            statement.arguments.filter { !Self.isValid($0.text) }.map { word in
                Diagnostic(
                    rule,
                    "'\(word.text)' is not an HTTP status code or range within 100-599: keepalived 2.2.7 reports "
                        + "\"Invalid HTTP_GET status code '\(word.text)'\" and ignores it",
                    at: word.origin.span)
            }
        }
    }

    /// `N` or `N-M` with 100 ≤ N ≤ M ≤ 599, as keepalived's status_code_handler reads it.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let bounds = parts.map { part in part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) ? Int(part) : nil }
        guard let low = bounds.first ?? nil, let high = bounds.last ?? nil else { return false }
        return codes.contains(low) && codes.contains(high) && low <= high
    }
}
