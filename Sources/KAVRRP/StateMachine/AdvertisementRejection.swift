/// Why a received advertisement was not processed (each is counted in `InstanceStatistics` and
/// logged), in the order keepalived's `vrrp_check_packet` tests them.
public enum AdvertisementRejection: Hashable, Sendable {
    /// The bytes are not a valid advertisement at all.
    case malformed(VRRPPacketError)
    /// No instance here uses this VRID (for this family and multicast/unicast kind).
    case unknownVirtualRouterID(UInt8)
    /// The instance is in FAULT or INIT and listens to nothing.
    case notListening(InstanceState)
    /// Multicast adverts must arrive with TTL / hop limit 255 (RFC 5798 §7.1).
    case hopLimit(received: UInt8)
    case versionMismatch(received: VRRPVersion, expected: VRRPVersion)
    /// v2: another authentication type than ours.
    case authenticationTypeMismatch(received: UInt8, expected: UInt8)
    /// v2 PASS: another password.
    case authenticationFailure
    /// v2: another advert_int than ours; keepalived drops these to avoid two masters.
    case intervalMismatch(received: UInt16, expected: UInt16)
    /// `addressListMismatch == .discard`: the advert lists another number of addresses.
    case addressCountMismatch(received: Int, expected: Int)
    /// `addressListMismatch == .discard`: one of our VIPs is missing from the advert.
    case addressListMismatch(missing: IPAddress)
    /// A multicast advert on a unicast instance or the reverse.
    case unexpectedDestination(multicast: Bool)
    /// `check_unicast_src`: the source is not one of our unicast peers.
    case sourceNotPeer(IPAddress)
    /// `unicast_peer ... min_ttl/max_ttl`.
    case hopLimitOutOfPeerRange(received: UInt8, accepted: ClosedRange<UInt8>)
    /// `owner_ignore_adverts` on an address owner.
    case ownerIgnoresAdverts
}

/// Counters per instance, as keepalived keeps them (`vrrp_stats`), plus what we add.
public struct InstanceStatistics: Hashable, Sendable {
    public var advertisementsReceived = 0
    public var advertisementsSent = 0
    public var priorityZeroReceived = 0
    public var priorityZeroSent = 0
    public var becameMaster = 0
    public var releasedMaster = 0
    public var malformedPackets = 0
    public var hopLimitErrors = 0
    public var versionErrors = 0
    public var authenticationTypeMismatches = 0
    public var authenticationFailures = 0
    public var intervalErrors = 0
    /// Count and list mismatches, whether discarded or accepted.
    public var addressListErrors = 0
    public var otherRejections = 0

    public init() {}

    mutating func count(_ rejection: AdvertisementRejection) {
        switch rejection {
        case .malformed: malformedPackets += 1
        case .hopLimit, .hopLimitOutOfPeerRange: hopLimitErrors += 1
        case .versionMismatch: versionErrors += 1
        case .authenticationTypeMismatch: authenticationTypeMismatches += 1
        case .authenticationFailure: authenticationFailures += 1
        case .intervalMismatch: intervalErrors += 1
        case .addressCountMismatch, .addressListMismatch, .unexpectedDestination: addressListErrors += 1
        case .unknownVirtualRouterID, .notListening, .sourceNotPeer, .ownerIgnoresAdverts: otherRejections += 1
        }
    }
}
