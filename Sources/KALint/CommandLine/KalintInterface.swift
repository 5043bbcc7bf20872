import KACommandLine
import KAConfig

/// kalint's command line as data: `kalint` reads it and prints its help and completion scripts
/// from it, and a test holds packaging/kalint.1 to it. The spellings, values and texts are those
/// kalint had on swift-argument-parser, which it left for FoundationEssentials' resident memory.
public enum KalintInterface {
    public static let formats = DiagnosticFormat.allCases.map(\.rawValue)
    public static let severities = Severity.allCases.map(\.rawValue)
    /// `--emit`: the views KalintDriver.emit prints.
    public static let emitViews = ["tokens", "tree", "source", "model"]
    /// What shells complete after --disable, --enable-only and --explain.
    public static let ruleSlugs = RuleRegistry.allRules.map(\.slug)
    /// A usage error exits like unreadable input (swift-argument-parser's 64 was never kalint's).
    public static let usageStatus: Int32 = 2

    public static let root = CommandSpec(
        name: "kalint",
        abstract: "Lint keepalived.conf files: one file per node, checked alone and against each other.",
        discussion: "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.",
        arguments: [ArgumentSpec("files", help: "Configuration files, one per node (includes are followed).", repeating: true)],
        options: [
            .value("format", type: .choice(formats), help: "Output format.", defaultValue: DiagnosticFormat.human.rawValue),
            .value("config-id", help: "Config id for @id conditional lines (keepalived -i)."),
            .value("emit", type: .choice(emitViews), help: "Print one view of a single file."),
            .value("fail-on", type: .choice(severities), help: "Lowest severity that makes kalint exit 1.", defaultValue: Severity.error.rawValue),
            .value(
                "disable", help: "Do not report this rule (slug or code; repeatable, comma-separated lists allowed).",
                completion: .values(ruleSlugs), repeatable: true),
            .value("enable-only", help: "Report only these rules (slug or code; repeatable).", completion: .values(ruleSlugs), repeatable: true),
            .value(
                "target-version",
                help: "The keepalived version to check against (keywords newer than it, version-specific refusals); default: the installed keepalived's (keepalived -v), else 2.2.7."),
            .value("firewall", help: "A saved ruleset (nft list ruleset or iptables-save output) to check VRRP traffic against.", completion: .file),
            .flag("list-rules", help: "List every rule: code, slug, severity, summary."),
            .value("explain", help: "Print the documentation page of a rule (slug or code).", completion: .values(ruleSlugs)),
            .flag("fix", help: "Apply safe fix-its in place (atomically)."),
            .flag("diff", help: "With --fix: print the changes as a unified diff instead of writing them."),
            .flag("no-color", help: "Never colour human output."),
        ])

    /// What the driver is asked. `color`: whether the terminal takes colour (stdout is one and
    /// NO_COLOR is unset); `installedVersion`: the default of --target-version, asked only when
    /// rules run (not for --list-rules, --explain or --emit).
    public static func request(_ parsed: ParsedCommand, color: Bool, installedVersion: () -> String?) -> KalintRequest {
        let listRules = parsed.flag("list-rules")
        let explain = parsed.value("explain")
        let emit = parsed.value("emit")
        return KalintRequest(
            files: parsed.arguments("files"), format: parsed.value("format") ?? DiagnosticFormat.human.rawValue,
            configID: parsed.value("config-id"), emit: emit, failOn: parsed.value("fail-on") ?? Severity.error.rawValue,
            disable: parsed.values("disable"), enableOnly: parsed.values("enable-only"),
            targetVersion: parsed.value("target-version") ?? (listRules || explain != nil || emit != nil ? nil : installedVersion()),
            firewall: parsed.value("firewall"), listRules: listRules, explain: explain, fix: parsed.flag("fix"),
            diff: parsed.flag("diff"), color: color && !parsed.flag("no-color"))
    }
}
