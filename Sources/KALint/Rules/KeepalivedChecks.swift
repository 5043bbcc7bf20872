import KAConfig

/// Rules that report, on the same line, what `keepalived -t` (2.2.7) reports and the front end
/// does not: each one checked against keepalived's own source and output.
enum KeepalivedChecks {
    static let all: [any LintRule] = [
        ScriptWithoutCommandRule(),
        StrayCloseBraceRule(),
        DeprecatedRouteSyntaxRule(),
        UntrackedRouteRule(),
        RuleWithoutPreferenceRule(),
        InvalidRouteAddressRule(),
        EmptyNotificationEmailRule(),
        MiscCheckWithoutPathRule(),
        ScriptIntervalZeroRule(),
        HTTPStatusCodeRule(),
        ServicePortRule(),
        DuplicateNotifyRule(),
        DigestLengthRule(),
        PersistenceGranularityRule(),
        VMACWithoutInterfaceRule(),
    ]
}
