import KAConfig

/// The identities of the rules that report what keepalived 2.2.7's own configuration check
/// (`keepalived -t`) reports on a line and the rest of kalint did not: KA240–KA269.
public enum KeepalivedCheckCatalogue {
    public static let scriptWithoutCommand = DiagnosticRule(
        code: "KA240", slug: "script-without-command", severity: .error,
        summary: "A vrrp_script with no script line: keepalived removes it, and every track_script naming it is ignored.")
    public static let strayCloseBrace = DiagnosticRule(
        code: "KA241", slug: "stray-close-brace", severity: .warning,
        summary: "A '}' keepalived reads at the top level after an ignored block: it reports \"Unknown keyword '}'\".")
    public static let deprecatedRouteSyntax = DiagnosticRule(
        code: "KA242", slug: "deprecated-route-syntax", severity: .warning,
        summary: "A route written with 'gw' or 'or': keepalived accepts them but asks for 'via' and 'nexthop'.")
    public static let untrackedRoute = DiagnosticRule(
        code: "KA243", slug: "untracked-route", severity: .warning,
        summary: "A route with no 'dev': keepalived cannot track it and says so (add dev, or no_track).")
    public static let ruleWithoutPreference = DiagnosticRule(
        code: "KA244", slug: "rule-without-preference", severity: .warning,
        summary: "An IP rule with no preference: keepalived picks one counting down from 16384.")
    public static let invalidRouteAddress = DiagnosticRule(
        code: "KA245", slug: "invalid-route-address", severity: .error,
        summary: "A route or rule address that is not an IP address: keepalived skips the whole entry.")
    public static let emptyNotificationEmail = DiagnosticRule(
        code: "KA246", slug: "empty-notification-email", severity: .warning,
        summary: "An empty notification_email block: keepalived warns and sends mail to nobody.")
    public static let miscCheckWithoutPath = DiagnosticRule(
        code: "KA247", slug: "misc-check-without-path", severity: .error,
        summary: "A MISC_CHECK with no misc_path: keepalived drops the checker.")
    public static let scriptIntervalZero = DiagnosticRule(
        code: "KA248", slug: "script-interval-zero", severity: .warning,
        summary: "A vrrp_script interval of 0: keepalived raises it to 1 second.")
    public static let httpStatusCode = DiagnosticRule(
        code: "KA249", slug: "http-status-code", severity: .error,
        summary: "An HTTP_GET/SSL_GET status_code outside 100-599 (or a malformed range): keepalived ignores it.")
    public static let servicePort = DiagnosticRule(
        code: "KA250", slug: "service-port", severity: .error,
        summary: "A virtual_server or real_server port that is not a number in 1-65535: keepalived skips the block.")
    public static let duplicateNotify = DiagnosticRule(
        code: "KA251", slug: "duplicate-notify", severity: .warning,
        summary: "A second notify_master/notify_backup/notify_fault/notify in one instance or sync group: keepalived runs only the first.")
    public static let digestLength = DiagnosticRule(
        code: "KA252", slug: "digest-length", severity: .error,
        summary: "An HTTP_GET/SSL_GET digest that is not 32 characters: keepalived drops it.")
    public static let persistenceGranularity = DiagnosticRule(
        code: "KA253", slug: "persistence-granularity", severity: .error,
        summary: "persistence_granularity of an IPv4 virtual_server that is not a netmask: keepalived ignores it.")
    public static let vmacWithoutInterface = DiagnosticRule(
        code: "KA254", slug: "vmac-without-interface", severity: .warning,
        summary: "use_vmac/use_ipvlan in a unicast instance without interface: keepalived clears it.")
}
