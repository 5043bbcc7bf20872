import KAConfig
import KAJSON

/// Formatting with kafmt's one style: the whole document, or the hunks of it that touch the
/// requested range (kafmt's layout is line-local, so any subset of its hunks is a valid file).
/// A file kafmt refuses (a syntax error) is an error with kafmt's reason, never a half-format.
extension LanguageServer {
    func formatting(_ params: JSONValue, range: LSPRange?) -> RequestOutcome {
        guard let document = document(params) else { return .null }
        switch FormatAdapter.format(path: document.path, bytes: document.bytes) {
        case .refused(let reason):
            return .failure(code: RPCError.requestFailed, message: reason)
        case .hunks(let hunks):
            let lines = range.map(Self.lines)
            let chosen = hunks.filter { hunk in lines.map { Self.touches(hunk.oldLines, $0) } ?? true }
            return .result(.array(chosen.map { hunk in
                [
                    "range": document.source.range(ofBytes: hunk.oldBytes).json,
                    "newText": .string(String(decoding: hunk.replacement, as: UTF8.self)),
                ]
            }))
        }
    }

    /// The lines a range covers (a range ending at column 0 of a line does not cover that line).
    static func lines(_ range: LSPRange) -> ClosedRange<Int> {
        let last = range.end.character == 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line
        return range.start.line...max(range.start.line, last)
    }

    static func touches(_ hunk: Range<Int>, _ lines: ClosedRange<Int>) -> Bool {
        let last = max(hunk.lowerBound, hunk.upperBound - 1)
        return hunk.lowerBound <= lines.upperBound && last >= lines.lowerBound
    }
}
