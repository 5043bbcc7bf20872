/// One advertisement to put on the wire.
public struct OutgoingAdvertisement: Hashable, Sendable {
    public var instance: String
    public var advertisement: VRRPAdvertisement
    public var source: IPAddress
    /// The multicast group, or one unicast peer (one action per peer).
    public var destination: IPAddress
    /// TTL / hop limit to send with (255 unless `unicast_ttl`).
    public var hopLimit: UInt8
    public var checksumStyle: ChecksumStyle
    /// The sending instance's slot in its router (`VRRPInstance.slot`), where the shell keeps its
    /// socket and wire packet; the name decides after a reload renumbered.
    public var slot: Int?

    public init(
        instance: String, advertisement: VRRPAdvertisement, source: IPAddress, destination: IPAddress, hopLimit: UInt8,
        checksumStyle: ChecksumStyle, slot: Int? = nil
    ) {
        self.instance = instance
        self.slot = slot
        self.advertisement = advertisement
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        self.checksumStyle = checksumStyle
    }

    public var addressing: PacketAddressing { PacketAddressing(source: source, destination: destination) }

    /// The VRRP bytes (without IP header).
    public func encoded() throws(VRRPPacketError) -> [UInt8] {
        try AdvertisementCodec.encode(advertisement, addressing: addressing, checksum: checksumStyle)
    }
}

/// Gratuitous ARPs (IPv4) / unsolicited neighbour advertisements (IPv6) to send.
public struct GratuitousAnnouncement: Hashable, Sendable {
    public var instance: String
    public var addresses: [VirtualAddress]
    /// Messages per address (`garp_master_repeat`, `garp_master_refresh_repeat`, ...), paced by the
    /// shell with `vrrp_garp_interval` / `vrrp_gna_interval`.
    public var repeatCount: Int

    public init(instance: String, addresses: [VirtualAddress], repeatCount: Int) {
        self.instance = instance
        self.addresses = addresses
        self.repeatCount = repeatCount
    }
}

/// A notify script to run: the configured command line plus extra arguments.
public struct NotifyInvocation: Hashable, Sendable {
    public var command: String
    /// Empty for `notify_master` & co.; `INSTANCE|GROUP name state priority` for `notify`.
    public var arguments: [String]
    /// The instance or sync group it reports on (`INSTANCE VI_1`, `GROUP G`): the shell runs one
    /// subject's scripts in order.
    public var subject: String?

    public init(command: String, arguments: [String], subject: String? = nil) {
        self.command = command
        self.arguments = arguments
        self.subject = subject
    }
}

/// What the engine asks its shell to do, in order.
public enum VRRPAction: Hashable, Sendable {
    case sendAdvertisement(OutgoingAdvertisement)
    /// VIPs and excluded VIPs to add (the instance became master).
    case addAddresses(instance: String, [VirtualAddress])
    case removeAddresses(instance: String, [VirtualAddress])
    case addRoutes(instance: String, [VirtualRoute])
    case removeRoutes(instance: String, [VirtualRoute])
    case addRules(instance: String, [VirtualRoute])
    case removeRules(instance: String, [VirtualRoute])
    case announce(GratuitousAnnouncement)
    case runNotify(NotifyInvocation)
    /// Arm (or re-arm: a kind has at most one deadline) a timer.
    case armTimer(TimerID, at: VRRPInstant)
    case cancelTimer(TimerID)
    case stateChanged(instance: String, from: InstanceState, to: InstanceState)
    case log(VRRPLogEvent)
}
