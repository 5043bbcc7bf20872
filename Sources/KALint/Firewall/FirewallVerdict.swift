import KAConfig

/// What a saved ruleset does with one VRRP flow.
public struct FirewallVerdict: Sendable, Hashable {
    /// True when the adverts get through every input chain that sees them.
    public var accepted: Bool
    /// Which chain, rule or policy decided, with the conditions and caveats that apply.
    public var reason: String
    /// The line in the ruleset text of the deciding rule or policy, when there is one.
    public var line: Int?
    /// False when the ruleset says nothing about this traffic (an iptables-save dump checked
    /// against IPv6 traffic); `accepted` is then true only because nothing is known to drop it.
    public var covered: Bool

    public init(accepted: Bool, reason: String, line: Int? = nil, covered: Bool = true) {
        self.accepted = accepted
        self.reason = reason
        self.line = line
        self.covered = covered
    }
}

/// A line of the ruleset kalint could not read; it was skipped.
public struct FirewallParseNote: Sendable, Hashable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
