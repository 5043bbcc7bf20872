import KAVRRP

/// What the shell counts beside the engine's per-instance statistics: packets dropped before or
/// by the engine, by reason; gratuitous ARP / NA sent; transitions with their reason.
public struct RuntimeCounters: Sendable {
    /// Drops by reason slug (`checksum`, `ttl`, `auth`, `unknown_vrid`, `address_list`, ...).
    public var drops: [String: Int] = [:]
    /// Drops per instance and reason.
    public var instanceDrops: [String: [String: Int]] = [:]
    public var packetsReceived = 0
    public var packetsSent = 0
    public var sendErrors = 0
    public var garpSent: [String: Int] = [:]
    public var naSent: [String: Int] = [:]
    public var transitions: [Transition] = []
    public var lastTransition: [String: Transition] = [:]
    /// Every transition since start, by (instance, from, to, reason): `karun_transitions_total`.
    public var transitionCounts: [TransitionCountKey: Int] = [:]
    /// A master heard a lower priority (both sides thought they were master).
    public var lowerPriorityWhileMaster: [String: Int] = [:]

    public struct Transition: Sendable, Hashable {
        public var instance: String
        public var from: InstanceState
        public var to: InstanceState
        public var reason: String
        /// Wall clock, seconds since the epoch.
        public var time: Double
    }

    mutating func drop(_ reason: String, instance: String?) {
        drops[reason, default: 0] += 1
        if let instance { instanceDrops[instance, default: [:]][reason, default: 0] += 1 }
    }

    mutating func record(_ transition: Transition) {
        transitions.append(transition)
        if transitions.count > 256 { transitions.removeFirst(transitions.count - 256) }
        lastTransition[transition.instance] = transition
        transitionCounts[TransitionCountKey(transition), default: 0] += 1
    }

    /// The counter name of a rejection (stable: tests and metrics read them).
    static func reason(_ rejection: AdvertisementRejection) -> String {
        switch rejection {
        case .malformed(let error):
            switch error {
            case .checksumMismatch: "checksum"
            case .truncated, .addressCountMismatch: "packet_length"
            case .unsupportedVersion: "version"
            case .unsupportedType: "invalid_type"
            case .unknownAuthenticationType: "auth_type"
            default: "malformed"
            }
        case .unknownVirtualRouterID: "unknown_vrid"
        case .notListening: "not_listening"
        case .hopLimit, .hopLimitOutOfPeerRange: "ttl"
        case .versionMismatch: "version"
        case .authenticationTypeMismatch: "auth_type"
        case .authenticationFailure: "auth"
        case .intervalMismatch: "advert_interval"
        case .addressCountMismatch, .addressListMismatch: "address_list"
        case .unexpectedDestination: "destination"
        case .sourceNotPeer: "source_not_peer"
        case .ownerIgnoresAdverts: "owner_ignores"
        }
    }
}

/// Logs a repeated message at most once per second per key, with the count of those held back:
/// a flood of bad adverts must not flood the journal.
struct LogRateLimiter {
    private var lastLogged: [String: VRRPInstant] = [:]
    private var suppressed: [String: Int] = [:]

    /// Returns the line to log now (with a suffix counting suppressed repeats), or nil.
    mutating func admit(_ key: String, _ line: String, now: VRRPInstant) -> String? {
        if let last = lastLogged[key], now - last < .seconds(1) {
            suppressed[key, default: 0] += 1
            return nil
        }
        lastLogged[key] = now
        let held = suppressed.removeValue(forKey: key) ?? 0
        return held > 0 ? line + " (\(held) similar suppressed)" : line
    }
}
