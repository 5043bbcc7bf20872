import KAConfig

/// Output formats for diagnostics. Renderers are pure: they turn diagnostics (and the source files
/// they point into) into text.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case human
    case json
    case sarif
    case github
}

public enum DiagnosticRenderer {
    public static func render(
        _ diagnostics: [Diagnostic], format: DiagnosticFormat, sources: [String: SourceFile] = [:],
        color: Bool = false, rules: [DiagnosticRule] = []
    ) -> String {
        switch format {
        case .human: return HumanRenderer(sources: sources, color: color).render(diagnostics)
        case .json: return JSONDiagnosticRenderer.render(diagnostics)
        case .sarif: return SARIFRenderer.render(diagnostics, rules: rules)
        case .github: return GitHubRenderer.render(diagnostics)
        }
    }
}

/// `{"diagnostics":[{"code","rule","severity","message","file","line","column","endLine","endColumn","related":[...]}]}`
public enum JSONDiagnosticRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var json = JSONText()
        json.beginObject()
        json.beginArray("diagnostics")
        for diagnostic in diagnostics.sortedForOutput() {
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
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }
}
