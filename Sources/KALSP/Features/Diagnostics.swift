import KAConfig
import KAJSON

/// A finding shown in a file: one located there, or a cross-node finding located in another node
/// whose note points here (kalint reports an auth mismatch on the node that deviates; the other
/// node's editor shows it too, at its own line, with the deviating line as related information).
struct DocumentFinding {
    var diagnostic: Diagnostic
    /// Set when the finding is shown through its note in this file.
    var note: RelatedLocation?

    /// 1-based line of the finding in the file it is shown in.
    var line: Int { note?.line ?? diagnostic.span.start.line }

    static func findings(in path: String, _ unit: WorkspaceAnalysis.Unit) -> [DocumentFinding] {
        var found: [DocumentFinding] = []
        for diagnostic in unit.report.diagnostics {
            if diagnostic.span.file == path {
                found.append(DocumentFinding(diagnostic: diagnostic))
            } else if diagnostic.rule.code.hasPrefix("KA3"), let note = diagnostic.related.first(where: { $0.file == path }) {
                found.append(DocumentFinding(diagnostic: diagnostic, note: note))
            }
        }
        return found
    }
}

/// kalint's findings as LSP diagnostics, published for every open document and the files its
/// node reads (its includes): code and slug, severity, the exact range in UTF-16 positions, and
/// the notes (another node's line) as related information.
extension LanguageServer {
    mutating func publishDiagnostics() {
        let analysis = analysis()
        var targets: [String: JSONValue] = [:]
        for document in documents.values {
            guard let owner = analysis.owner(of: document.path) else {
                targets[document.uri] = []
                continue
            }
            for path in owner.node.expanded.files.keys.sorted() {
                let lspDiagnostics = DocumentFinding.findings(in: path, owner.unit).map { lspDiagnostic($0, analysis) }
                targets[uri(for: path)] = .array(lspDiagnostics)
            }
        }
        for uri in published.keys.sorted() where targets[uri] == nil {
            notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
            published[uri] = nil
        }
        for uri in targets.keys.sorted() {
            guard let diagnostics = targets[uri], published[uri] != diagnostics else { continue }
            var params: [(String, JSONValue)] = [("uri", .string(uri))]
            if let version = documents[uri]?.version { params.append(("version", .int(version))) }
            params.append(("diagnostics", diagnostics))
            notify("textDocument/publishDiagnostics", .object(params))
            published[uri] = diagnostics
        }
    }

    func lspDiagnostic(_ finding: DocumentFinding, _ analysis: WorkspaceAnalysis) -> JSONValue {
        let diagnostic = finding.diagnostic
        var related = diagnostic.related.map { note in (note, note.message) }
        let range: LSPRange
        var message = diagnostic.message
        if let here = finding.note {
            range = wordRange(here, analysis)
            let primary = RelatedLocation(
                file: diagnostic.span.file, line: diagnostic.span.start.line, column: diagnostic.span.start.column,
                message: diagnostic.message)
            related = [(primary, diagnostic.message)] + related.filter { $0.0 != here }
            message = "\(Self.fileName(diagnostic.span.file)):\(diagnostic.span.start.line): \(message)"
        } else {
            range = self.range(of: diagnostic.span, analysis)
        }
        var fields: [(String, JSONValue)] = [
            ("range", range.json),
            ("severity", .int(Self.severity(diagnostic.severity))),
            ("code", .string(diagnostic.rule.code)),
            ("source", "kalint"),
            ("message", .string("\(message) [\(diagnostic.rule.slug)]")),
        ]
        if !related.isEmpty {
            fields.append(("relatedInformation", .array(related.map { note, text in
                [
                    "location": ["uri": .string(uri(for: note.file)), "range": wordRange(note, analysis).json],
                    "message": .string(text),
                ]
            })))
        }
        if diagnostic.rule.slug.hasPrefix("deprecated") { fields.append(("tags", [2])) }
        if diagnostic.rule.slug.hasPrefix("unused") { fields.append(("tags", [1])) }
        return .object(fields)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    func range(of span: SourceSpan, _ analysis: WorkspaceAnalysis) -> LSPRange {
        guard let source = analysis.sources[span.file] else {
            let start = LSPPosition(line: max(0, span.start.line - 1), character: max(0, span.start.column - 1))
            let end = LSPPosition(line: max(0, span.end.line - 1), character: max(0, span.end.column - 1))
            return LSPRange(start: start, end: max(start, end))
        }
        let start = source.position(line: span.start.line, byteColumn: span.start.column)
        let end = source.position(line: span.end.line, byteColumn: span.end.column)
        return LSPRange(start: start, end: max(start, end))
    }

    /// A note has a line and column: its range is the word that starts there.
    func wordRange(_ note: RelatedLocation, _ analysis: WorkspaceAnalysis) -> LSPRange {
        guard let source = analysis.sources[note.file], note.line >= 1, note.line <= source.lineCount else {
            let position = LSPPosition(line: max(0, note.line - 1), character: max(0, note.column - 1))
            return LSPRange(start: position, end: position)
        }
        let content = source.contentRange(ofLine: note.line - 1)
        let start = min(content.upperBound, content.lowerBound + max(0, note.column - 1))
        var end = start
        while end < content.upperBound, source.bytes[end] != 0x20, source.bytes[end] != 0x09 { end += 1 }
        return source.range(ofBytes: start..<end)
    }
}
