/// Configurations the router refuses (keepalived refuses them too, fatally or by ignoring a part;
/// the layer reading keepalived.conf is expected to have reported them already).
public enum VRRPConfigurationError: Error, Hashable, Sendable {
    case duplicateInstanceName(String)
    case duplicateSyncGroupName(String)
    case unknownSyncGroupMember(group: String, member: String)
    case instanceInSeveralSyncGroups(instance: String, groups: [String])
    /// Same VRID, family, interface and kind (same multicast group, or unicast) twice.
    case virtualRouterIDConflict(first: String, second: String, virtualRouterID: UInt8)
    /// An advertisement interval the version cannot carry, or VIPs of the wrong family.
    case invalidInstance(String, reason: String)
}

/// keepalived's sync-group bookkeeping (`vrrp_sgroup_t`): members and the group's own state.
struct SyncGroupRuntime: Sendable {
    var configuration: SyncGroupConfiguration
    var members: [Int]
    var state: InstanceState
}

extension InstanceConfiguration {
    /// What keepalived does to trackers at configuration time (`vrrp_complete_instance`):
    /// an address owner drops weighted trackers; inside a sync group without
    /// `sync_group_tracking_weight`, tracked interfaces lose their weight (so failing means FAULT)
    /// and other weighted trackers are dropped. Group trackers are added to every member.
    func normalizedForTracking(group: SyncGroupConfiguration?) -> InstanceConfiguration {
        var copy = self
        var trackers = trackers
        if let group {
            for tracker in group.trackers where !trackers.contains(where: { $0.key == tracker.key }) {
                trackers.append(tracker)
            }
        }
        if priority == 255 {
            trackers.removeAll { $0.weight != 0 }
        } else if let group, !group.trackingWeight {
            trackers = trackers.compactMap { tracker in
                guard tracker.weight != 0 else { return tracker }
                guard tracker.key.kind == .interface else { return nil }
                return TrackerConfiguration(tracker.key, weight: 0, reverse: tracker.reverse)
            }
        }
        copy.trackers = trackers
        return copy
    }

    func validationProblem() -> String? {
        if version == .v2, family == .ipv6 { return "VRRPv2 is IPv4 only" }
        if let stranger = virtualAddresses.first(where: { $0.address.family != family }) {
            return "virtual address \(stranger.address) is not of the instance's family"
        }
        if virtualAddresses.count > 255 { return "more than 255 virtual addresses" }
        if unicastPeers.contains(where: { $0.address.family != family }) { return "unicast peer of another family" }
        if downTimerAdverts < 1 { return "down_timer_adverts must be at least 1" }
        return nil
    }

    /// Two instances that would answer the same adverts (keepalived's `check_vrid_conflicts`).
    func conflicts(with other: InstanceConfiguration) -> Bool {
        guard virtualRouterID == other.virtualRouterID, family == other.family, interface == other.interface,
              isUnicast == other.isUnicast else { return false }
        if isUnicast {
            return sourceAddress == other.sourceAddress
                && unicastPeers.contains { peer in other.unicastPeers.contains { $0.address == peer.address } }
        }
        return (multicastGroup ?? .vrrpMulticastGroup(for: family)) == (other.multicastGroup ?? .vrrpMulticastGroup(for: family))
    }
}
