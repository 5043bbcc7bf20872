import KAConfig

/// Renders diagnostics piece by piece into a sink, so that a caller writes each one as it is
/// ready instead of gathering the whole output in one string (100,000 findings then print in
/// the memory of one). Human and GitHub output go out one diagnostic at a time; JSON and SARIF
/// are single documents and go out whole.
extension DiagnosticRenderer {
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
        case .json, .sarif:
            write(render(diagnostics, format: format, sources: sources, color: color, rules: rules))
        }
    }
}
