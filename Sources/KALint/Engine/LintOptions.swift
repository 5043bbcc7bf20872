import KAConfig

/// Which findings a lint run keeps, and what makes it fail.
public struct LintOptions: Sendable {
    /// Slugs or codes never reported.
    public var disabled: Set<String>
    /// When not empty: only these slugs or codes are reported.
    public var enabledOnly: Set<String>
    /// The lowest severity that makes the run fail (exit 1).
    public var failOn: Severity
    /// Report keywords newer than this keepalived version (e.g. "2.2.7").
    public var targetVersion: String?
    /// Config id for `@id` lines, like keepalived's `-i`.
    public var configID: String?

    public init(
        disabled: Set<String> = [], enabledOnly: Set<String> = [], failOn: Severity = .error,
        targetVersion: String? = nil, configID: String? = nil
    ) {
        self.disabled = disabled
        self.enabledOnly = enabledOnly
        self.failOn = failOn
        self.targetVersion = targetVersion
        self.configID = configID
    }

    /// The version the per-node facts are derived for: `targetVersion`, else the one checked.
    var target: KeepalivedVersion { targetVersion.map(KeepalivedVersion.init) ?? .checked }

    public func allows(_ rule: DiagnosticRule) -> Bool {
        if disabled.contains(rule.slug) || disabled.contains(rule.code) { return false }
        if !enabledOnly.isEmpty { return enabledOnly.contains(rule.slug) || enabledOnly.contains(rule.code) }
        return true
    }

    public func fails(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity >= failOn }
    }
}
