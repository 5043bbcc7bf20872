/// One `vrrp_sync_group`: its members move between MASTER, BACKUP and FAULT together.
public struct SyncGroupConfiguration: Hashable, Sendable {
    public var name: String
    /// Instance names (`group { ... }`).
    public var members: [String]
    /// Trackers of the group, applied to every member.
    public var trackers: [TrackerConfiguration]
    /// `sync_group_tracking_weight`: without it, keepalived drops weights inside sync groups.
    public var trackingWeight: Bool
    /// `notify_master` & co. of the group; `generic` gets `GROUP name state 0`.
    public var notify: NotifyScripts

    public init(
        name: String,
        members: [String],
        trackers: [TrackerConfiguration] = [],
        trackingWeight: Bool = false,
        notify: NotifyScripts = NotifyScripts()
    ) {
        self.name = name
        self.members = members
        self.trackers = trackers
        self.trackingWeight = trackingWeight
        self.notify = notify
    }
}
