@testable import KAConfig

/// Expands `files` (in memory) from `root` and returns the logical lines' texts with the result.
func expandInMemory(
    _ files: [String: String], root: String = "/etc/keepalived/keepalived.conf", options: ExpansionOptions = ExpansionOptions(),
    executables: Set<String> = []
) -> (texts: [String], config: ExpandedConfig) {
    let fileSystem = InMemoryFileSystem(files: files, executables: executables)
    let config = Expander.expand(path: root, options: options, fileSystem: fileSystem)
    return (config.lines.map(\.text), config)
}

/// Expands one root file's text.
func expandText(_ text: String, options: ExpansionOptions = ExpansionOptions()) -> (texts: [String], config: ExpandedConfig) {
    expandInMemory(["/etc/keepalived/keepalived.conf": text], options: options)
}

extension ExpandedConfig {
    func codes() -> [String] { diagnostics.map(\.code) }
    func expansionDiagnostics(_ rule: DiagnosticRule) -> [Diagnostic] { diagnostics.filter { $0.rule == rule } }
}
