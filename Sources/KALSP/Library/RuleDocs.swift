import KAConfig
import KALint

/// kalint's rule identities and pages: what `kalint --explain` prints, found by code or slug.
enum RuleDocs {
    /// The rule a word names (`KA301`, `vrid-mismatch`), if any.
    static func rule(named word: String) -> DiagnosticRule? {
        guard !word.isEmpty else { return nil }
        return RuleRegistry.rule(named: word)
    }

    /// The `--explain` page of a rule (Markdown).
    static func page(of rule: DiagnosticRule) -> String {
        let response = KalintDriver.run(KalintRequest(files: [], explain: rule.slug), fileSystem: LocalFileSystem())
        return response.stdout
    }

    /// The suppression comment kalint reads on the line of a finding or the line before it.
    static func lineSuppression(_ slug: String) -> String { "# kalint disable=\(slug)" }

    /// The suppression comment for a whole file.
    static func fileSuppression(_ slug: String) -> String { "# kalint disable-file=\(slug)" }
}
