/// Things worth a log line, as values; `description` gives keepalived 2.2.7's wording where users
/// grep for it ("Entering MASTER STATE"). Building the text is left to whoever prints it.
public enum VRRPLogEvent: Hashable, Sendable, CustomStringConvertible {
    case enteringState(instance: String, InstanceState, atStartup: Bool)
    case backupDiscardedLowerPriority(instance: String, priority: UInt8, from: IPAddress)
    case masterReceivedLowerPriority(instance: String, from: IPAddress, priority: UInt8, ours: UInt8, forcingElection: Bool)
    case masterReceivedHigherPriority(instance: String, from: IPAddress, priority: UInt8, ours: UInt8)
    case masterReceivedEqualPriorityHigherAddress(instance: String, from: IPAddress, priority: UInt8)
    case equalPriorityFromOwnAddress(instance: String)
    case addressOwnerConflict(instance: String)
    case effectivePriorityChanged(instance: String, from: UInt8, to: UInt8)
    case advertisementRejected(instance: String?, from: IPAddress, AdvertisementRejection)
    /// `addressListMismatch == .acceptAndCount`: logged, then processed.
    case addressListAnomaly(instance: String, from: IPAddress, AdvertisementRejection)
    case syncGroupTransition(group: String, InstanceState)
    case sentPriorityZero(instance: String)

    public var description: String {
        switch self {
        case .enteringState(let instance, let state, let atStartup):
            "(\(instance)) Entering \(state) STATE" + (atStartup ? " (init)" : "")
        case .backupDiscardedLowerPriority(let instance, let priority, let from):
            "(\(instance)) received lower priority (\(priority)) advert from \(from) - discarding"
        case .masterReceivedLowerPriority(let instance, let from, let priority, let ours, let forcing):
            "(\(instance)) Received advert from \(from) with lower priority \(priority), ours \(ours)"
                + (forcing ? ", forcing new election" : "")
        case .masterReceivedHigherPriority(let instance, let from, let priority, let ours):
            "(\(instance)) Master received advert from \(from) with higher priority \(priority), ours \(ours)"
        case .masterReceivedEqualPriorityHigherAddress(let instance, let from, let priority):
            "(\(instance)) Master received advert from \(from) with same priority \(priority) but higher IP address than ours"
        case .equalPriorityFromOwnAddress(let instance):
            "(\(instance)) WARNING - equal priority advert received from remote host with our IP address."
        case .addressOwnerConflict(let instance):
            "(\(instance)) CONFIGURATION ERROR: local instance and a remote instance are both configured as address owner, please fix - reducing local priority"
        case .effectivePriorityChanged(let instance, let from, let to):
            "(\(instance)) Changing effective priority from \(from) to \(to)"
        case .advertisementRejected(let instance, let from, let rejection):
            (instance.map { "(\($0)) " } ?? "") + Self.text(rejection, from: from)
        case .addressListAnomaly(let instance, let from, let rejection):
            "(\(instance)) " + Self.text(rejection, from: from) + " - accepted"
        case .syncGroupTransition(let group, let state):
            "VRRP_Group(\(group)) Syncing instances to \(state) state"
        case .sentPriorityZero(let instance):
            "(\(instance)) sent 0 priority"
        }
    }

    private static func text(_ rejection: AdvertisementRejection, from: IPAddress) -> String {
        switch rejection {
        case .malformed(let error): "invalid VRRP packet from \(from): \(error)"
        case .unknownVirtualRouterID(let vrid): "Unknown VRID(\(vrid)) received from \(from). ignoring..."
        case .notListening(let state): "advert from \(from) ignored in \(state) state"
        case .hopLimit(let received): "invalid TTL/HL. Received \(received) and expect 255"
        case .versionMismatch(let received, let expected):
            "wrong version. Received \(received.rawValue) and expect \(expected.rawValue)"
        case .authenticationTypeMismatch(let received, let expected): "received a \(received) auth, expecting \(expected)!"
        case .authenticationFailure: "received an invalid passwd!"
        case .intervalMismatch(let received, let expected):
            "advertisement interval mismatch mine=\(expected) sec rcv'd=\(received) sec"
        case .addressCountMismatch(let received, let expected):
            "received an unexpected ip number count \(received), expected \(expected)!"
        case .addressListMismatch(let missing): "ip address associated with VRID not present in MASTER advert: \(missing)"
        case .unexpectedDestination(let multicast):
            multicast ? "Expected unicast packet but received multicast packet" : "Expected multicast packet but received unicast packet"
        case .sourceNotPeer(let source): "unicast source address \(source) not a unicast peer"
        case .hopLimitOutOfPeerRange(let received, let accepted):
            "TTL/HL \(received) not in range \(accepted.lowerBound) - \(accepted.upperBound)"
        case .ownerIgnoresAdverts: "address owner ignoring advert from \(from)"
        }
    }
}
