/// An advertisement as the shell received it: the VRRP bytes and what the IP layer said about them.
public struct ReceivedPacket: Hashable, Sendable {
    /// The VRRP part (what follows the IP header).
    public var payload: [UInt8]
    public var source: IPAddress
    /// The IP destination: a multicast group or our own address (unicast).
    public var destination: IPAddress
    /// Received TTL / hop limit; nil when the socket did not report it (keepalived then skips the check).
    public var hopLimit: UInt8?
    /// The interface it arrived on; nil matches any instance.
    public var interface: String?

    public init(payload: [UInt8], source: IPAddress, destination: IPAddress, hopLimit: UInt8?, interface: String? = nil) {
        self.payload = payload
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        self.interface = interface
    }
}

/// The timers an instance asks the shell to run; at most one of each kind per instance.
public enum InstanceTimer: Hashable, Sendable, CaseIterable {
    /// MASTER: send the next advertisement.
    case advertisement
    /// BACKUP: Master_Down_Interval (or Skew_Time after a priority-0 advert) ran out.
    case masterDown
    /// MASTER: second gratuitous ARP / NA burst, `garp_master_delay` after taking over.
    case gratuitousDelay
    /// MASTER: periodic burst every `garp_master_refresh`.
    case gratuitousRefresh
    /// MASTER: second burst `garp_lower_prio_delay` after hearing a lower priority.
    case lowerPriorityGratuitousDelay

    /// How many kinds there are: an instance's timers fit a row of this many.
    public static let kindCount = 5

    /// The kind's place in such a row, 0..<kindCount.
    public var ordinal: Int {
        switch self {
        case .advertisement: 0
        case .masterDown: 1
        case .gratuitousDelay: 2
        case .gratuitousRefresh: 3
        case .lowerPriorityGratuitousDelay: 4
        }
    }
}

public struct TimerID: Hashable, Sendable {
    public var instance: String
    public var kind: InstanceTimer
    /// The instance's slot in the router that armed the timer (`VRRPInstance.slot`), so that the
    /// router and the shell find it in an array instead of hashing its name on every advert. A
    /// reload renumbers the instances: the name decides, the slot is only where to look first.
    public var slot: Int?

    public init(instance: String, kind: InstanceTimer, slot: Int? = nil) {
        self.instance = instance
        self.kind = kind
        self.slot = slot
    }
}

/// Everything that can happen to a VRRP router; each comes with the current time.
public enum VRRPEvent: Hashable, Sendable {
    /// Start every instance (keepalived's `vrrp_init_state`).
    case start
    case advertisementReceived(ReceivedPacket)
    /// A timer armed by `.armTimer` reached its deadline.
    case timerFired(TimerID)
    /// A tracked script / interface / file / process / BFD reported a result.
    case trackerChanged(TrackerKey, TrackerStatus)
    /// An interface went up or down (the instances' own interfaces and tracked ones).
    case interfaceChanged(name: String, up: Bool)
    /// Every MASTER sends one advert now, its timer unchanged: what the shell does before a reload,
    /// which may take a while, so that no backup's down timer runs out meanwhile.
    case advertiseMasters
    /// SIGHUP: the new configuration replaces the old one; instances keep their state by name.
    case reload(instances: [InstanceConfiguration], syncGroups: [SyncGroupConfiguration])
    /// SIGTERM: masters send priority 0 and release everything, all instances go to STOP.
    case shutdown
}
