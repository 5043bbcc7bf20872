import KAVRRP

/// What the shell counts beside the engine's per-instance statistics: packets dropped before or
/// by the engine, by reason; gratuitous ARP / NA sent; transitions with their reason. With
/// `--metrics` each count also goes into the Prometheus registry as it happens (DaemonMetrics).
public struct RuntimeCounters {
    /// Drops by reason slug (`checksum`, `ttl`, `auth`, `unknown_vrid`, `address_list`, ...).
    public private(set) var drops: [String: Int] = [:]
    /// Drops per instance and reason.
    public private(set) var instanceDrops: [String: [String: Int]] = [:]
    public private(set) var packetsReceived = 0
    public private(set) var packetsSent = 0
    public private(set) var sendErrors = 0
    public private(set) var garpSent: [String: Int] = [:]
    public private(set) var naSent: [String: Int] = [:]
    public private(set) var transitions: [Transition] = []
    public private(set) var lastTransition: [String: Transition] = [:]
    /// A master heard a lower priority (both sides thought they were master).
    public private(set) var lowerPriorityWhileMaster: [String: Int] = [:]
    /// `--metrics`' registry, when it is on.
    var metrics: DaemonMetrics?

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
        metrics?.drop(reason, instance: instance)
    }

    mutating func record(_ transition: Transition) {
        transitions.append(transition)
        if transitions.count > 256 { transitions.removeFirst(transitions.count - 256) }
        lastTransition[transition.instance] = transition
        metrics?.transition(instance: transition.instance, from: transition.from, to: transition.to, reason: transition.reason)
    }

    mutating func received() {
        packetsReceived += 1
        metrics?.packetsReceived.increment()
    }

    mutating func sent() {
        packetsSent += 1
        metrics?.packetsSent.increment()
    }

    mutating func sendFailed() {
        sendErrors += 1
        metrics?.sendErrors.increment()
    }

    /// A gratuitous ARP (IPv4) or unsolicited NA (IPv6) went out for `instance`.
    mutating func announced(_ family: AddressFamily, instance: String) {
        if family == .ipv4 {
            garpSent[instance, default: 0] += 1
            metrics?.count(.garpSent, instance: instance)
        } else {
            naSent[instance, default: 0] += 1
            metrics?.count(.naSent, instance: instance)
        }
    }

    mutating func masterHeardLowerPriority(instance: String) {
        lowerPriorityWhileMaster[instance, default: 0] += 1
        metrics?.count(.lowerPriorityWhileMaster, instance: instance)
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
