/// gcc/swiftc style: `file:line:col: error: message [CODE slug]`, the source line, a caret under
/// the range, then notes for related locations.
public struct HumanRenderer: Sendable {
    public var sources: [String: SourceFile]
    public var color: Bool

    public init(sources: [String: SourceFile], color: Bool) {
        self.sources = sources
        self.color = color
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics.sortedForOutput() {
            output += render(diagnostic)
        }
        return output
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.span
        var output = paint("\(span.file):\(span.start.line):\(span.start.column): ", bold: true)
        output += severityLabel(diagnostic.severity) + paint(diagnostic.message, bold: true)
        output += " [\(diagnostic.rule.code) \(diagnostic.rule.slug)]\n"
        output += sourceExcerpt(span)
        for note in diagnostic.related {
            output += paint("\(note.file):\(note.line):\(note.column): ", bold: true) + paint("note: ", code: "36")
                + note.message + "\n"
            output += sourceExcerpt(
                SourceSpan(
                    file: note.file, start: SourceLocation(line: note.line, column: note.column),
                    end: SourceLocation(line: note.line, column: note.column + 1)))
        }
        for fix in diagnostic.fixIts {
            output += paint("  fix-it: ", code: "32") + fix.message + "\n"
        }
        return output
    }

    private func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: return paint("error: ", code: "31", bold: true)
        case .warning: return paint("warning: ", code: "35", bold: true)
        case .info: return paint("info: ", code: "36", bold: true)
        }
    }

    /// The source line and a caret line under the span (tabs copied so the caret lines up). A
    /// line longer than `excerptWidth` bytes is shown as that many around the span's start, with
    /// `...` where it is cut: an excerpt never costs more than its width, however long the line
    /// (65,000 braces on one line made 65,000 findings with carets as long as the line).
    func sourceExcerpt(_ span: SourceSpan) -> String {
        guard let source = sources[span.file], span.start.line >= 1, span.start.line <= source.lineCount else {
            return ""
        }
        let line = source.lineBytes(span.start.line)
        let count = line.count
        let startColumn = min(max(span.start.column, 1), count + 1)
        var endColumn = span.end.line == span.start.line ? span.end.column : count + 1
        endColumn = min(max(endColumn, startColumn + 1), max(count + 1, startColumn + 1))
        let width = Self.excerptWidth
        let from = count > width ? max(0, min(startColumn - 1 - width / 2, count - width)) : 0
        let to = min(count, from + width)
        let shown = line[(line.startIndex + from)..<(line.startIndex + to)].map { $0 == 0 ? UInt8(ascii: " ") : $0 }
        let cutBefore = from > 0 ? "... " : ""
        let cutAfter = to < count ? " ..." : ""
        var caretBytes = [UInt8](repeating: 0x20, count: cutBefore.utf8.count)
        for index in 0..<max(0, min(startColumn - 1, to) - from) {
            caretBytes.append(shown[index] == 0x09 ? 0x09 : 0x20)
        }
        caretBytes.append(UInt8(ascii: "^"))
        caretBytes.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: max(0, min(endColumn, to + 1) - startColumn - 1)))
        let caret = String(decoding: caretBytes, as: UTF8.self)
        return "    " + cutBefore + String(decoding: shown, as: UTF8.self) + cutAfter + "\n    " + paint(caret, code: "32", bold: true) + "\n"
    }

    /// Bytes of a long source line shown in an excerpt.
    static let excerptWidth = 160

    private func paint(_ text: String, code: String? = nil, bold: Bool = false) -> String {
        guard color, code != nil || bold else { return text }
        var prefix = "\u{1B}["
        prefix += [bold ? "1" : nil, code].compactMap { $0 }.joined(separator: ";")
        return prefix + "m" + text + "\u{1B}[0m"
    }
}
