import KAConfig
import KAJSON

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
                let lspDiagnostics = owner.unit.diagnostics(in: path).map { lspDiagnostic($0, analysis) }
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

    func lspDiagnostic(_ diagnostic: Diagnostic, _ analysis: WorkspaceAnalysis) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("range", range(of: diagnostic.span, analysis).json),
            ("severity", .int(Self.severity(diagnostic.severity))),
            ("code", .string(diagnostic.rule.code)),
            ("source", "kalint"),
            ("message", .string("\(diagnostic.message) [\(diagnostic.rule.slug)]")),
        ]
        if !diagnostic.related.isEmpty {
            fields.append(("relatedInformation", .array(diagnostic.related.map { note in
                [
                    "location": ["uri": .string(uri(for: note.file)), "range": wordRange(note, analysis).json],
                    "message": .string(note.message),
                ]
            })))
        }
        if diagnostic.rule.slug.hasPrefix("deprecated") { fields.append(("tags", [2])) }
        if diagnostic.rule.slug.hasPrefix("unused") { fields.append(("tags", [1])) }
        return .object(fields)
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
