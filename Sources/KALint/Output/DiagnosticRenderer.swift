import KAConfig

/// Output formats for diagnostics. Renderers are pure: they turn diagnostics (and the source files
/// they point into) into text.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case human
    case json
    case sarif
    case github
}

/// Every format is rendered piece by piece into a sink (`stream`): one diagnostic at a time, so
/// that a caller writes each as it is ready instead of gathering the whole output (100,000
/// findings print in the memory of one). `render` collects the same pieces into one string.
public enum DiagnosticRenderer {
    /// `diagnostics` must already be in output order (`sortedForOutput()`).
    public static func stream(
        _ diagnostics: [Diagnostic], format: DiagnosticFormat, sources: [String: SourceFile] = [:],
        color: Bool = false, rules: [DiagnosticRule] = [], to write: (String) -> Void
    ) {
        switch format {
        case .human:
            let renderer = HumanRenderer(sources: sources, color: color)
            for diagnostic in diagnostics { write(renderer.render(diagnostic)) }
        case .github:
            for diagnostic in diagnostics { write(GitHubRenderer.render(diagnostic)) }
        case .json:
            JSONDiagnosticRenderer.stream(diagnostics, to: write)
        case .sarif:
            SARIFRenderer.stream(diagnostics, rules: rules, to: write)
        }
    }

    public static func render(
        _ diagnostics: [Diagnostic], format: DiagnosticFormat, sources: [String: SourceFile] = [:],
        color: Bool = false, rules: [DiagnosticRule] = []
    ) -> String {
        var output = ""
        stream(diagnostics.sortedForOutput(), format: format, sources: sources, color: color, rules: rules) { output += $0 }
        return output
    }
}

/// `{"diagnostics":[{"code","rule","severity","message","file","line","column","endLine","endColumn","related":[...]}]}`
public enum JSONDiagnosticRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        stream(diagnostics.sortedForOutput()) { output += $0 }
        return output
    }

    /// The document in pieces: its head, one piece per diagnostic, its tail.
    public static func stream(_ diagnostics: [Diagnostic], to write: (String) -> Void) {
        var json = JSONText()
        json.beginObject()
        json.beginArray("diagnostics")
        for diagnostic in diagnostics {
            json.beginObject()
            json.field("code", diagnostic.rule.code)
            json.field("rule", diagnostic.rule.slug)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("message", diagnostic.message)
            json.field("file", diagnostic.span.file)
            json.field("line", diagnostic.span.start.line)
            json.field("column", diagnostic.span.start.column)
            json.field("endLine", diagnostic.span.end.line)
            json.field("endColumn", diagnostic.span.end.column)
            json.beginArray("related")
            for note in diagnostic.related {
                json.beginObject()
                json.field("file", note.file)
                json.field("line", note.line)
                json.field("column", note.column)
                json.field("message", note.message)
                json.endObject()
            }
            json.endArray()
            if !diagnostic.fixIts.isEmpty {
                json.beginArray("fixIts")
                for fix in diagnostic.fixIts {
                    json.beginObject()
                    json.field("message", fix.message)
                    json.field("safe", fix.isSafe)
                    json.beginArray("edits")
                    for edit in fix.edits {
                        json.beginObject()
                        json.field("file", edit.file)
                        json.field("startOffset", edit.range.lowerBound)
                        json.field("endOffset", edit.range.upperBound)
                        json.field("replacement", edit.replacement)
                        json.endObject()
                    }
                    json.endArray()
                    json.endObject()
                }
                json.endArray()
            }
            json.endObject()
            write(json.takeOutput())
        }
        json.endArray()
        json.endObject()
        write(json.takeOutput() + "\n")
    }
}
