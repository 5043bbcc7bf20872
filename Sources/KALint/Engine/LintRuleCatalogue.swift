import KAConfig

/// The identities of kalint's own rules (single-file KA22x–KA24x, cross-node KA3xx, security KA4xx,
/// firewall KA5xx). One table, so codes and slugs never collide; each rule file points here.
public enum LintRuleCatalogue {
    // Single file.
    public static let vridRange = DiagnosticRule(
        code: "KA220", slug: "vrid-range", severity: .error,
        summary: "virtual_router_id must be 1-255; keepalived rejects the instance otherwise.")
    public static let priorityRange = DiagnosticRule(
        code: "KA221", slug: "priority-range", severity: .error,
        summary: "priority must be 1-255, and 255 belongs to the address owner only.")
    public static let authPassLength = DiagnosticRule(
        code: "KA222", slug: "auth-pass-length", severity: .warning,
        summary: "auth_pass longer than 8 characters: keepalived silently uses only the first 8.")
    public static let authWithV3 = DiagnosticRule(
        code: "KA223", slug: "auth-with-v3", severity: .warning,
        summary: "authentication has no place in VRRPv3; keepalived ignores it.")
    public static let advertInt = DiagnosticRule(
        code: "KA224", slug: "advert-int", severity: .warning,
        summary: "advert_int outside what the VRRP version can carry; keepalived rounds it.")
    public static let unusedScript = DiagnosticRule(
        code: "KA226", slug: "unused-script", severity: .warning,
        summary: "A vrrp_script (or track_file / vrrp_track_process) that no instance or sync group tracks.")
    public static let nopreemptIgnored = DiagnosticRule(
        code: "KA227", slug: "nopreempt-ignored", severity: .warning,
        summary: "nopreempt or preempt_delay with state MASTER or priority 255: keepalived ignores it.")
    public static let stateValue = DiagnosticRule(
        code: "KA228", slug: "state-value", severity: .error,
        summary: "state must be MASTER or BACKUP (upper case); anything else means BACKUP.")
    public static let missingInterface = DiagnosticRule(
        code: "KA229", slug: "missing-interface", severity: .error,
        summary: "An instance with no interface and no unicast peers: keepalived cannot run it.")
    public static let addressFamilyMix = DiagnosticRule(
        code: "KA230", slug: "address-family-mix", severity: .error,
        summary: "IPv4 and IPv6 mixed where keepalived needs one family.")
    public static let duplicateVRID = DiagnosticRule(
        code: "KA231", slug: "duplicate-vrid", severity: .error,
        summary: "Two instances of one node use the same VRID on the same interface and family.")
    public static let vrrpStrictConflict = DiagnosticRule(
        code: "KA232", slug: "vrrp-strict-conflict", severity: .warning,
        summary: "vrrp_strict forbids what the instance configures; keepalived overrides it or refuses.")
    public static let keywordTooNew = DiagnosticRule(
        code: "KA233", slug: "keyword-too-new", severity: .warning,
        summary: "A keyword newer than the --target-version keepalived.")
    public static let gluedComment = DiagnosticRule(
        code: "KA234", slug: "glued-comment", severity: .warning,
        summary: "A '!' or '#' glued to a word starts a comment there: keepalived reads the word cut short.")
    // Security.
    public static let scriptSecurity = DiagnosticRule(
        code: "KA401", slug: "script-security", severity: .warning,
        summary: "Scripts configured without enable_script_security, or with it and no script_user.")
    public static let scriptPath = DiagnosticRule(
        code: "KA402", slug: "script-path", severity: .warning,
        summary: "A script command that is not an absolute path.")
    // Cross-node.
    public static let vridMismatch = DiagnosticRule(
        code: "KA301", slug: "vrid-mismatch", severity: .error,
        summary: "The nodes of one cluster use different virtual_router_id values.")
    public static let vipSetMismatch = DiagnosticRule(
        code: "KA302", slug: "vip-set-mismatch", severity: .error,
        summary: "The nodes of one cluster configure different virtual_ipaddress sets.")
    public static let authMismatch = DiagnosticRule(
        code: "KA303", slug: "auth-mismatch", severity: .error,
        summary: "The nodes of one cluster disagree on authentication (type, effective password, or presence).")
    public static let versionMismatch = DiagnosticRule(
        code: "KA304", slug: "version-mismatch", severity: .error,
        summary: "The nodes of one cluster speak different VRRP versions.")
    public static let advertIntMismatch = DiagnosticRule(
        code: "KA305", slug: "advert-int-mismatch", severity: .error,
        summary: "The nodes of one cluster use different advert_int values.")
    public static let unicastAsymmetry = DiagnosticRule(
        code: "KA306", slug: "unicast-asymmetry", severity: .error,
        summary: "Unicast peers that do not list each other, a node listing itself, or unicast mixed with multicast.")
    public static let priorityCollision = DiagnosticRule(
        code: "KA307", slug: "priority-collision", severity: .warning,
        summary: "Two nodes of one cluster have the same effective priority: the higher IP address wins the tie.")
    public static let failoverImpossible = DiagnosticRule(
        code: "KA308", slug: "failover-impossible", severity: .error,
        summary: "The master's priority minus its tracker weights never drops below the best backup's: a failed check never moves the VIP.")
    public static let multipleMasters = DiagnosticRule(
        code: "KA309", slug: "multiple-masters", severity: .warning,
        summary: "More than one node of a cluster starts in state MASTER.")
    public static let nopreemptInconsistent = DiagnosticRule(
        code: "KA310", slug: "nopreempt-inconsistent", severity: .warning,
        summary: "Some nodes of a cluster set nopreempt and others do not.")
    public static let syncGroupMismatch = DiagnosticRule(
        code: "KA311", slug: "sync-group-mismatch", severity: .warning,
        summary: "Instances that form clusters are grouped into sync groups differently on different nodes.")
    public static let vridCollision = DiagnosticRule(
        code: "KA312", slug: "vrid-collision", severity: .error,
        summary: "Two different clusters share a VRID on the same segment; their adverts collide.")
    public static let routerIDDuplicate = DiagnosticRule(
        code: "KA313", slug: "router-id-duplicate", severity: .warning,
        summary: "Two nodes use the same router_id.")
    // Firewall.
    public static let firewallHint = DiagnosticRule(
        code: "KA501", slug: "firewall-hint", severity: .info,
        summary: "The nftables and iptables rules this node's VRRP traffic needs.")
    public static let firewallMissing = DiagnosticRule(
        code: "KA502", slug: "firewall-missing", severity: .error,
        summary: "The saved firewall ruleset drops this node's VRRP traffic.")
}
