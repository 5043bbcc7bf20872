import KAConfig
import KALint

/// karun's gate: the configuration is read by KAConfig and judged by kalint's single-file rules;
/// karun refuses to run it when any error-level finding remains, and prints what it found with
/// kalint's renderer (same text, same codes).
public struct ConfigurationCheck: Sendable {
    public var path: String
    public var model: Configuration
    /// Findings that stop karun (errors) and that it reports (warnings); kalint's info-level
    /// hints (firewall rules to add, ...) are for kalint's users, not for the daemon's log.
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]
    /// kalint's human rendering of `errors + warnings`.
    public var rendered: String

    public var passed: Bool { errors.isEmpty }

    /// Reads and checks `path` (includes followed) with `@config-id` selection.
    public static func run(path: String, configID: String?, fileSystem: some ConfigFileSystem = LocalFileSystem())
        -> ConfigurationCheck
    {
        var expansion = ExpansionOptions()
        expansion.configID = configID
        expansion.keepsSyntaxTrees = false
        let node = Analyzer.analyze(path: path, options: expansion, fileSystem: fileSystem)
        let report = LintEngine().run([node], options: LintOptions(configID: configID))
        let kept = report.diagnostics.filter { $0.severity >= .warning && !karunDoesNotShare($0, in: node.model) }
        let errors = kept.filter { $0.severity == .error }
        let warnings = kept.filter { $0.severity == .warning }
        let rendered = DiagnosticRenderer.render(kept, format: .human, sources: node.sources)
        return ConfigurationCheck(path: path, model: node.model, errors: errors, warnings: warnings, rendered: rendered)
    }

    /// Findings that describe a keepalived 2.2.7 defect karun does not have: 2.2.7 refuses a
    /// unicast instance without `interface` (keepalived issue #2270, fixed in 2.2.8); karun runs it
    /// with an unbound socket, as keepalived 2.1-2.2.6 and 2.2.8+ do.
    static func karunDoesNotShare(_ diagnostic: Diagnostic, in model: Configuration) -> Bool {
        guard diagnostic.rule.slug == "missing-interface" else { return false }
        return model.instances.contains { instance in
            instance.interface == nil && !instance.unicastPeers.isEmpty && diagnostic.message.contains("'\(instance.name)'")
        }
    }
}
