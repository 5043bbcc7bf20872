/// gcc/swiftc style: `file:line:col: error: message [CODE slug]`, the source line, a caret under
/// the range, then notes for related locations.
///
/// A finding is written as UTF-8 bytes and made a string once: a chain of `String` appends
/// and interpolations cost several hundred instructions a piece (callgrind), most of a run
/// with many findings.
public struct HumanRenderer: Sendable {
    public var sources: [String: SourceFile]
    public var color: Bool

    public init(sources: [String: SourceFile], color: Bool) {
        self.sources = sources
        self.color = color
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output: [UInt8] = []
        for diagnostic in diagnostics.sortedForOutput() {
            write(diagnostic, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(diagnostic, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func write(_ diagnostic: Diagnostic, to output: inout [UInt8]) {
        let span = diagnostic.span
        writeLocation(span.file, span.start.line, span.start.column, to: &output)
        switch diagnostic.severity {
        case .error: paint("error: ", code: "31", bold: true, to: &output)
        case .warning: paint("warning: ", code: "35", bold: true, to: &output)
        case .info: paint("info: ", code: "36", bold: true, to: &output)
        }
        paint(diagnostic.message, bold: true, to: &output)
        output.append(contentsOf: " [".utf8)
        output.append(contentsOf: diagnostic.rule.code.utf8)
        output.append(0x20)
        output.append(contentsOf: diagnostic.rule.slug.utf8)
        output.append(contentsOf: "]\n".utf8)
        writeExcerpt(span, to: &output)
        for note in diagnostic.related {
            writeLocation(note.file, note.line, note.column, to: &output)
            paint("note: ", code: "36", to: &output)
            output.append(contentsOf: note.message.utf8)
            output.append(0x0A)
            writeExcerpt(
                SourceSpan(
                    file: note.file, start: SourceLocation(line: note.line, column: note.column),
                    end: SourceLocation(line: note.line, column: note.column + 1)),
                to: &output)
        }
        for fix in diagnostic.fixIts {
            paint("  fix-it: ", code: "32", to: &output)
            output.append(contentsOf: fix.message.utf8)
            output.append(0x0A)
        }
    }

    /// `file:line:column: `, in bold when coloured.
    private func writeLocation(_ file: String, _ line: Int, _ column: Int, to output: inout [UInt8]) {
        let painted = beginPaint(code: nil, bold: true, to: &output)
        output.append(contentsOf: file.utf8)
        output.append(0x3A)
        output.append(contentsOf: String(line).utf8)
        output.append(0x3A)
        output.append(contentsOf: String(column).utf8)
        output.append(contentsOf: ": ".utf8)
        endPaint(painted, to: &output)
    }

    /// The source line and a caret line under the span (tabs copied so the caret lines up). A
    /// line longer than `excerptWidth` bytes is shown as that many around the span's start, with
    /// `...` where it is cut: an excerpt never costs more than its width, however long the line
    /// (65,000 braces on one line made 65,000 findings with carets as long as the line).
    private func writeExcerpt(_ span: SourceSpan, to output: inout [UInt8]) {
        // No excerpt for a line that cannot be read (a released source whose file changed since).
        guard let source = sources[span.file], let line = source.readLine(span.start.line) else { return }
        let count = line.count
        let startColumn = min(max(span.start.column, 1), count + 1)
        var endColumn = span.end.line == span.start.line ? span.end.column : count + 1
        endColumn = min(max(endColumn, startColumn + 1), max(count + 1, startColumn + 1))
        let width = Self.excerptWidth
        let from = count > width ? max(0, min(startColumn - 1 - width / 2, count - width)) : 0
        let to = min(count, from + width)
        let shown = line[(line.startIndex + from)..<(line.startIndex + to)]
        let cutBefore = from > 0
        // The source line (a NUL shown as a blank: a terminal would drop it).
        output.append(contentsOf: "    ".utf8)
        if cutBefore { output.append(contentsOf: "... ".utf8) }
        for byte in shown { output.append(byte == 0 ? 0x20 : byte) }
        if to < count { output.append(contentsOf: " ...".utf8) }
        output.append(contentsOf: "\n    ".utf8)
        // The caret line.
        let painted = beginPaint(code: "32", bold: true, to: &output)
        if cutBefore { output.append(contentsOf: "    ".utf8) }
        for byte in shown.prefix(max(0, min(startColumn - 1, to) - from)) {
            output.append(byte == 0x09 ? 0x09 : 0x20)
        }
        output.append(UInt8(ascii: "^"))
        output.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: max(0, min(endColumn, to + 1) - startColumn - 1)))
        endPaint(painted, to: &output)
        output.append(0x0A)
    }

    /// Bytes of a long source line shown in an excerpt.
    static let excerptWidth = 160

    private func paint(_ text: String, code: String? = nil, bold: Bool = false, to output: inout [UInt8]) {
        let painted = beginPaint(code: code, bold: bold, to: &output)
        output.append(contentsOf: text.utf8)
        endPaint(painted, to: &output)
    }

    /// Starts an ANSI colour (`ESC[1;31m`) when colouring and there is one to start.
    private func beginPaint(code: String?, bold: Bool, to output: inout [UInt8]) -> Bool {
        guard color, code != nil || bold else { return false }
        output.append(contentsOf: "\u{1B}[".utf8)
        if bold { output.append(UInt8(ascii: "1")) }
        if let code {
            if bold { output.append(UInt8(ascii: ";")) }
            output.append(contentsOf: code.utf8)
        }
        output.append(UInt8(ascii: "m"))
        return true
    }

    private func endPaint(_ painted: Bool, to output: inout [UInt8]) {
        if painted { output.append(contentsOf: "\u{1B}[0m".utf8) }
    }
}
