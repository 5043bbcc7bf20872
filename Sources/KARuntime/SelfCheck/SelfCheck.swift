import KAVRRP

/// One finding of karun's start-up self-check: a host setting that breaks an instance, and the fix.
public struct SelfCheckWarning: Sendable, Hashable, CustomStringConvertible {
    /// `(VI_1)` or an interface name.
    public var subject: String
    public var problem: String
    public var fix: String

    public var description: String { "self-check: \(subject) \(problem); fix: \(fix)" }
}

/// What the checks read off the host; `LiveHostReadings` reads the real one.
protocol HostReadings {
    /// A /proc/sys/net value by its path below /proc/sys/net ("ipv4/conf/all/rp_filter").
    func sysctl(_ path: String) -> String?
    /// Bridge settings of `interface`; nil when it is no bridge.
    func bridge(_ interface: String) -> BridgeFacts?
    func addresses(_ interface: String) -> [InterfaceAddress]
    /// The live firewall rulesets, each with the command that printed it.
    func rulesets() -> [(command: String, text: String)]
}

struct BridgeFacts: Sendable, Hashable {
    var multicastSnooping: Bool
    var multicastQuerier: Bool
}

/// karun's start-up (and reload) self-check: settings of this host that keep VRRP from working
/// although the configuration is right, each explained with its fix. Pure: it reads through
/// `HostReadings`, so every rule is decided by the facts it is given.
enum SelfCheck {
    static func run(plan: RuntimePlan, host: some HostReadings) -> [SelfCheckWarning] {
        var warnings = VMACSysctlCheck.run(plan: plan, host: host)
        warnings += FirewallSelfCheck.run(plan: plan, rulesets: host.rulesets())
        warnings += BridgeSnoopingCheck.run(plan: plan, host: host)
        warnings += IPv6DADCheck.run(plan: plan, host: host)
        // One line per finding, even when several instances share it.
        var seen = Set<SelfCheckWarning>()
        return warnings.filter { seen.insert($0).inserted }
    }
}
