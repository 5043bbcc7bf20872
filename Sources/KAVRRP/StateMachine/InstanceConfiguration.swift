/// One `virtual_ipaddress` (or `_excluded`) entry, reduced to what the engine hands to the shell.
public struct VirtualAddress: Hashable, Sendable, CustomStringConvertible {
    public var address: IPAddress
    public var prefixLength: UInt8
    /// `dev`; nil means the instance's interface.
    public var device: String?

    public init(_ address: IPAddress, prefixLength: UInt8? = nil, device: String? = nil) {
        self.address = address
        self.prefixLength = prefixLength ?? (address.family == .ipv4 ? 32 : 128)
        self.device = device
    }

    public var description: String { "\(address)/\(prefixLength)" + (device.map { " dev \($0)" } ?? "") }
}

/// A `virtual_routes` or `virtual_rules` entry, kept as written (ip-route / ip-rule syntax):
/// the shell installs it, the engine only decides when.
public struct VirtualRoute: Hashable, Sendable {
    public var specification: String
    public init(_ specification: String) { self.specification = specification }
}

/// One `unicast_peer` entry.
public struct UnicastPeer: Hashable, Sendable {
    public var address: IPAddress
    /// `min_ttl` / `max_ttl`: received TTL/hop limit must lie in this range (keepalived default 0...255).
    public var acceptedTTL: ClosedRange<UInt8>

    public init(_ address: IPAddress, acceptedTTL: ClosedRange<UInt8> = 0...255) {
        self.address = address
        self.acceptedTTL = acceptedTTL
    }
}

/// The `garp_*` settings (defaults are keepalived's global defaults).
public struct GratuitousARPSettings: Hashable, Sendable {
    /// `garp_master_delay`: second burst this long after becoming master; zero = none.
    public var masterDelay: VRRPDuration = .seconds(5)
    /// `garp_master_repeat`: messages per address in each burst.
    public var masterRepeat: Int = 5
    /// `garp_master_refresh`: periodic burst while master; zero = off.
    public var masterRefresh: VRRPDuration = .zero
    /// `garp_master_refresh_repeat`.
    public var masterRefreshRepeat: Int = 1
    /// `garp_lower_prio_delay`: second burst after a lower-priority advert; zero = none.
    public var lowerPriorityDelay: VRRPDuration = .seconds(5)
    /// `garp_lower_prio_repeat`: messages sent when a master hears a lower priority; zero = none.
    public var lowerPriorityRepeat: Int = 0

    public init() {}
}

/// Scripts run on state changes (`notify_master` & co. and the generic `notify`), as configured
/// command lines; the shell splits and runs them.
public struct NotifyScripts: Hashable, Sendable {
    public var master: String?
    public var backup: String?
    public var fault: String?
    public var stop: String?
    /// `notify_deleted`: with a script, or `""` for "send DELETED instead of FAULT" without one.
    public var deleted: String?
    /// `notify`: gets `INSTANCE|GROUP name state priority` appended.
    public var generic: String?
    /// `notify_master_rx_lower_pri`.
    public var masterReceivedLowerPriority: String?

    public init(
        master: String? = nil, backup: String? = nil, fault: String? = nil, stop: String? = nil,
        deleted: String? = nil, generic: String? = nil, masterReceivedLowerPriority: String? = nil
    ) {
        self.master = master
        self.backup = backup
        self.fault = fault
        self.stop = stop
        self.deleted = deleted
        self.generic = generic
        self.masterReceivedLowerPriority = masterReceivedLowerPriority
    }

    public var isEmpty: Bool { self == NotifyScripts() }
}

/// What the receiver does with an advert whose address list differs from its own.
public enum AddressListMismatchPolicy: Hashable, Sendable {
    /// keepalived 2.2.7 (`vrrp_check_packet`): count it, log it and ignore the advert.
    case discard
    /// RFC 5798 §7.1 ("MAY verify ... SHOULD log"): count it, log it and process the advert.
    case acceptAndCount
}

/// Everything one `vrrp_instance` block means to the engine, already validated and completed
/// (defaults filled, values clamped) by the layer that reads keepalived.conf.
public struct InstanceConfiguration: Hashable, Sendable {
    public var name: String
    public var virtualRouterID: UInt8
    public var version: VRRPVersion
    /// `priority`, 1...255 (255 = address owner).
    public var priority: UInt8
    /// `advert_int`: whole seconds for v2, a multiple of 10 ms up to 40.95 s for v3.
    public var advertisementInterval: VRRPDuration
    /// `state MASTER` (only an address owner starts as master at once).
    public var initialStateMaster: Bool
    /// Our primary address: source of our adverts and the tie-breaker at equal priority.
    public var sourceAddress: IPAddress
    /// `interface`, for logs and interface events.
    public var interface: String
    /// `mcast_dst_ip`; nil = 224.0.0.18 / ff02::12.
    public var multicastGroup: IPAddress?
    /// `unicast_peer`; empty = multicast.
    public var unicastPeers: [UnicastPeer]
    /// `unicast_ttl`; nil = 255.
    public var unicastTTL: UInt8?
    /// `check_unicast_src`: adverts from addresses that are not peers are ignored.
    public var checkUnicastSource: Bool
    public var virtualAddresses: [VirtualAddress]
    public var excludedVirtualAddresses: [VirtualAddress]
    public var virtualRoutes: [VirtualRoute]
    public var virtualRules: [VirtualRoute]
    /// v2 only.
    public var authentication: VRRPAuthentication
    public var nopreempt: Bool
    /// `preempt_delay`.
    public var preemptDelay: VRRPDuration
    public var gratuitousARP: GratuitousARPSettings
    /// `down_timer_adverts` (1...100, default 3).
    public var downTimerAdverts: Int
    /// `lower_prio_no_advert`.
    public var lowerPriorityNoAdvert: Bool
    /// `higher_prio_send_advert`.
    public var higherPrioritySendAdvert: Bool
    /// `owner_ignore_adverts`.
    public var ownerIgnoresAdverts: Bool
    /// `skip_check_adv_addr`: don't re-check the address list of adverts from the current master.
    public var skipCheckAdvertAddresses: Bool
    /// `v3_checksum_as_v2`.
    public var checksumStyle: ChecksumStyle
    /// `track_interface`, `track_script`, `track_file`, `track_process`, `track_bfd`.
    public var trackers: [TrackerConfiguration]
    /// `dont_track_primary`: our own interface going down is not a fault.
    public var dontTrackPrimary: Bool
    public var notify: NotifyScripts
    /// `notify_priority_changes` (keepalived reports these on its FIFO; we emit a log action).
    public var notifyPriorityChanges: Bool
    public var addressListMismatch: AddressListMismatchPolicy

    public init(
        name: String,
        virtualRouterID: UInt8,
        version: VRRPVersion = .v2,
        priority: UInt8 = 100,
        advertisementInterval: VRRPDuration = .seconds(1),
        initialStateMaster: Bool = false,
        sourceAddress: IPAddress,
        interface: String = "eth0",
        multicastGroup: IPAddress? = nil,
        unicastPeers: [UnicastPeer] = [],
        unicastTTL: UInt8? = nil,
        checkUnicastSource: Bool = false,
        virtualAddresses: [VirtualAddress] = [],
        excludedVirtualAddresses: [VirtualAddress] = [],
        virtualRoutes: [VirtualRoute] = [],
        virtualRules: [VirtualRoute] = [],
        authentication: VRRPAuthentication = .none,
        nopreempt: Bool = false,
        preemptDelay: VRRPDuration = .zero,
        gratuitousARP: GratuitousARPSettings = GratuitousARPSettings(),
        downTimerAdverts: Int = 3,
        lowerPriorityNoAdvert: Bool = false,
        higherPrioritySendAdvert: Bool = false,
        ownerIgnoresAdverts: Bool = false,
        skipCheckAdvertAddresses: Bool = false,
        checksumStyle: ChecksumStyle = .standard,
        trackers: [TrackerConfiguration] = [],
        dontTrackPrimary: Bool = false,
        notify: NotifyScripts = NotifyScripts(),
        notifyPriorityChanges: Bool = false,
        addressListMismatch: AddressListMismatchPolicy = .discard
    ) {
        self.name = name
        self.virtualRouterID = virtualRouterID
        self.version = version
        self.priority = priority
        self.advertisementInterval = advertisementInterval
        self.initialStateMaster = initialStateMaster
        self.sourceAddress = sourceAddress
        self.interface = interface
        self.multicastGroup = multicastGroup
        self.unicastPeers = unicastPeers
        self.unicastTTL = unicastTTL
        self.checkUnicastSource = checkUnicastSource
        self.virtualAddresses = virtualAddresses
        self.excludedVirtualAddresses = excludedVirtualAddresses
        self.virtualRoutes = virtualRoutes
        self.virtualRules = virtualRules
        self.authentication = authentication
        self.nopreempt = nopreempt
        self.preemptDelay = preemptDelay
        self.gratuitousARP = gratuitousARP
        self.downTimerAdverts = downTimerAdverts
        self.lowerPriorityNoAdvert = lowerPriorityNoAdvert
        self.higherPrioritySendAdvert = higherPrioritySendAdvert
        self.ownerIgnoresAdverts = ownerIgnoresAdverts
        self.skipCheckAdvertAddresses = skipCheckAdvertAddresses
        self.checksumStyle = checksumStyle
        self.trackers = trackers
        self.dontTrackPrimary = dontTrackPrimary
        self.notify = notify
        self.notifyPriorityChanges = notifyPriorityChanges
        self.addressListMismatch = addressListMismatch
    }

    public var family: AddressFamily { sourceAddress.family }
    public var isUnicast: Bool { !unicastPeers.isEmpty }
    public var isAddressOwner: Bool { priority == 255 }

    /// The interval as the advert carries it (v2 seconds, v3 centiseconds), clamped to the field.
    public var advertisementIntervalField: UInt16 {
        switch version {
        case .v2: UInt16(clamping: max(1, min(255, (advertisementInterval.microseconds + 500_000) / 1_000_000)))
        case .v3: UInt16(clamping: max(1, min(4095, (advertisementInterval.microseconds + 5_000) / 10_000)))
        }
    }

    /// The interval the engine runs with: what the advert field can express.
    public var effectiveAdvertisementInterval: VRRPDuration {
        version == .v2 ? .seconds(Int64(advertisementIntervalField)) : .centiseconds(Int64(advertisementIntervalField))
    }
}
