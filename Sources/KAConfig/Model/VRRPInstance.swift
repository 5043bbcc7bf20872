public enum VRRPState: String, Sendable, Hashable, Encodable {
    case master = "MASTER"
    case backup = "BACKUP"
}

public enum AuthenticationType: String, Sendable, Hashable, Encodable {
    case pass = "PASS"
    case ah = "AH"
}

/// `authentication { auth_type PASS|AH; auth_pass P }`.
public struct Authentication: Sendable, Hashable, Encodable {
    // The one-byte type after the password: an instance packs its own one-byte fields after it.
    /// The password as written.
    public var pass: String?
    public var type: AuthenticationType?
    /// What keepalived puts in the packet: the first 8 bytes.
    public var effectivePass: String? {
        pass.map { String(decoding: Array($0.utf8.prefix(8)), as: UTF8.self) }
    }

    public init() {}

    enum CodingKeys: String, CodingKey { case type, pass, effectivePass }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(pass, forKey: .pass)
        try container.encodeIfPresent(effectivePass, forKey: .effectivePass)
    }
}

/// `use_vmac [NAME] [MAC]`.
public struct VirtualMAC: Sendable, Hashable, Encodable {
    public var name: String?
    public var mac: String?

    public init(name: String? = nil, mac: String? = nil) {
        self.name = name
        self.mac = mac
    }
}

/// Gratuitous ARP / unsolicited NA timing (global defaults, overridden per instance).
///
/// An instance holds its settings out of line, in a box shared by every instance of the
/// configuration with the same settings (`BuildContext.shared`): nearly all have global_defs'
/// or one set repeated, and inline they took 64 of an instance's bytes.
public struct GARPSettings: Sendable, Hashable, Encodable, RareFields {
    @usableFromInline static let defaults = GARPSettings()

    public var masterDelayMicroseconds: Int = 5_000_000
    public var masterRepeat: Int = 5
    public var masterRefreshMicroseconds: Int = 0
    public var masterRefreshRepeat: Int = 1
    public var lowerPriorityDelayMicroseconds: Int?
    public var lowerPriorityRepeat: Int?

    public init() {}
}

/// `vrrp_instance NAME { ... }` with keepalived's defaults applied.
///
/// What few instances set (`RareInstanceFields`: VMAC, excluded addresses, routes and rules,
/// `mcast_src_ip`, `preempt_delay`, the flags keywords, ...) is held out of line and shared,
/// allocated only once one of them is set; the GARP settings are shared between instances, and
/// the first virtual address and tracked script are held inline (`FirstInline`): an instance is
/// 344 bytes and nearly always no allocation of its own (20,000 of them in a large file). Those
/// fields read and write as the stored ones do.
public struct VRRPInstance: Sendable, Hashable, Encodable {
    // The stored fields in an order that packs them (the one-byte fields after the password's
    // type, the 4-byte-aligned origin between the 9- and 17-byte optionals): 344 bytes.
    public var name: String
    public var interface: String?
    /// The priority keepalived uses: as written, else 255 when state MASTER, else 100.
    public var priority: Int = 100
    public var advertIntervalMicroseconds: Int = 1_000_000
    /// `version` of the instance, else `vrrp_version` of global_defs, else 2 (3 for IPv6).
    public var version: Int = 2
    public var authentication: Authentication?
    /// The initial state keepalived uses: as written, else MASTER when priority is 255, else BACKUP.
    public var state: VRRPState = .backup
    public var stateConfigured: VRRPState?
    public var nopreempt: Bool = false
    public var virtualAddresses: FirstInline<VirtualAddress> = []
    public var unicastPeers: [UnicastPeer] = []
    public var trackInterfaces: [TrackedInterface] = []
    public var trackScripts: FirstInline<TrackReference> = []
    /// notify, notify_master, notify_backup, notify_fault, notify_stop, notify_deleted, ... by keyword.
    public var notify: [String: ScriptCommand] = [:]
    /// The rare fields (`RareInstanceFields`), out of line.
    /// The getters below are inlinable: called from another module (the lint rules), a getter
    /// that is not took the whole instance as its argument, a copy of its dozens of references;
    /// inlined, a read loads this one reference.
    @usableFromInline var rare = OutOfLine<RareInstanceFields>()
    /// `garp` out of line (see `GARPSettings`).
    var storedGARP = OutOfLine<GARPSettings>()
    public var virtualRouterID: Int?
    public var priorityConfigured: Int?
    @SourceOrigin public var origin: Origin? = nil
    public var unicastSourceIP: IPAddress?

    public init(name: String) { self.name = name }


    public var garp: GARPSettings {
        get { storedGARP.fields }
        set { storedGARP.fields = newValue }
    }

    public var versionConfigured: Int? {
        @inlinable get { rare.read { $0.versionConfigured } }
        set { rare.fields.versionConfigured = newValue }
    }
    public var nativeIPv6: Bool {
        @inlinable get { rare.read { $0.nativeIPv6 } }
        set { rare.fields.nativeIPv6 = newValue }
    }
    public var excludedAddresses: [VirtualAddress] {
        @inlinable get { rare.read { $0.excludedAddresses } }
        set { rare.fields.excludedAddresses = newValue }
    }
    public var virtualRoutes: [RouteEntry] {
        @inlinable get { rare.read { $0.virtualRoutes } }
        set { rare.fields.virtualRoutes = newValue }
    }
    public var virtualRules: [RuleEntry] {
        @inlinable get { rare.read { $0.virtualRules } }
        set { rare.fields.virtualRules = newValue }
    }
    public var multicastSourceIP: IPAddress? {
        @inlinable get { rare.read { $0.multicastSourceIP } }
        set { rare.fields.multicastSourceIP = newValue }
    }
    public var trackFiles: [TrackReference] {
        @inlinable get { rare.read { $0.trackFiles } }
        set { rare.fields.trackFiles = newValue }
    }
    public var trackProcesses: [TrackReference] {
        @inlinable get { rare.read { $0.trackProcesses } }
        set { rare.fields.trackProcesses = newValue }
    }
    public var trackBFDs: [TrackReference] {
        @inlinable get { rare.read { $0.trackBFDs } }
        set { rare.fields.trackBFDs = newValue }
    }
    public var preemptDelayMicroseconds: Int {
        @inlinable get { rare.read { $0.preemptDelayMicroseconds } }
        set { rare.fields.preemptDelayMicroseconds = newValue }
    }
    public var useVMAC: VirtualMAC? {
        @inlinable get { rare.read { $0.useVMAC } }
        set { rare.fields.useVMAC = newValue }
    }
    public var vmacXmitBase: Bool {
        @inlinable get { rare.read { $0.vmacXmitBase } }
        set { rare.fields.vmacXmitBase = newValue }
    }
    public var smtpAlert: Bool? {
        @inlinable get { rare.read { $0.smtpAlert } }
        set { rare.fields.smtpAlert = newValue }
    }
    public var strictMode: Bool? {
        @inlinable get { rare.read { $0.strictMode } }
        set { rare.fields.strictMode = newValue }
    }
    public var accept: Bool? {
        @inlinable get { rare.read { $0.accept } }
        set { rare.fields.accept = newValue }
    }
    public var dontTrackPrimary: Bool {
        @inlinable get { rare.read { $0.dontTrackPrimary } }
        set { rare.fields.dontTrackPrimary = newValue }
    }
    public var trackSourceIP: Bool {
        @inlinable get { rare.read { $0.trackSourceIP } }
        set { rare.fields.trackSourceIP = newValue }
    }
    public var lowerPriorityNoAdvert: Bool? {
        @inlinable get { rare.read { $0.lowerPriorityNoAdvert } }
        set { rare.fields.lowerPriorityNoAdvert = newValue }
    }
    public var higherPrioritySendAdvert: Bool? {
        @inlinable get { rare.read { $0.higherPrioritySendAdvert } }
        set { rare.fields.higherPrioritySendAdvert = newValue }
    }
    /// Keywords bound but not given a typed field: keyword -> argument words (last occurrence).
    public var other: [String: [String]] {
        @inlinable get { rare.read { $0.other } }
        set { rare.fields.other = newValue }
    }

    // Every field under its own name, as the synthesized conformance wrote them (the origin
    // writes nothing; the JSON view sorts the keys).
    enum CodingKeys: String, CodingKey {
        case name, state, stateConfigured, interface, virtualRouterID, priority, priorityConfigured
        case advertIntervalMicroseconds, version, versionConfigured, nativeIPv6, authentication
        case virtualAddresses, excludedAddresses, virtualRoutes, virtualRules, unicastSourceIP, unicastPeers
        case multicastSourceIP, trackInterfaces, trackScripts, trackFiles, trackProcesses, trackBFDs
        case nopreempt, preemptDelayMicroseconds, garp, useVMAC, vmacXmitBase, notify, smtpAlert, strictMode
        case accept, dontTrackPrimary, trackSourceIP, lowerPriorityNoAdvert, higherPrioritySendAdvert, other
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(stateConfigured, forKey: .stateConfigured)
        try container.encodeIfPresent(interface, forKey: .interface)
        try container.encodeIfPresent(virtualRouterID, forKey: .virtualRouterID)
        try container.encode(priority, forKey: .priority)
        try container.encodeIfPresent(priorityConfigured, forKey: .priorityConfigured)
        try container.encode(advertIntervalMicroseconds, forKey: .advertIntervalMicroseconds)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(authentication, forKey: .authentication)
        try container.encode(virtualAddresses, forKey: .virtualAddresses)
        try container.encodeIfPresent(unicastSourceIP, forKey: .unicastSourceIP)
        try container.encode(unicastPeers, forKey: .unicastPeers)
        try container.encode(trackInterfaces, forKey: .trackInterfaces)
        try container.encode(trackScripts, forKey: .trackScripts)
        try container.encode(nopreempt, forKey: .nopreempt)
        try container.encode(garp, forKey: .garp)
        try container.encode(notify, forKey: .notify)
        let rareFields = rare.fields
        try container.encodeIfPresent(rareFields.versionConfigured, forKey: .versionConfigured)
        try container.encode(rareFields.nativeIPv6, forKey: .nativeIPv6)
        try container.encode(rareFields.excludedAddresses, forKey: .excludedAddresses)
        try container.encode(rareFields.virtualRoutes, forKey: .virtualRoutes)
        try container.encode(rareFields.virtualRules, forKey: .virtualRules)
        try container.encodeIfPresent(rareFields.multicastSourceIP, forKey: .multicastSourceIP)
        try container.encode(rareFields.trackFiles, forKey: .trackFiles)
        try container.encode(rareFields.trackProcesses, forKey: .trackProcesses)
        try container.encode(rareFields.trackBFDs, forKey: .trackBFDs)
        try container.encode(rareFields.preemptDelayMicroseconds, forKey: .preemptDelayMicroseconds)
        try container.encodeIfPresent(rareFields.useVMAC, forKey: .useVMAC)
        try container.encode(rareFields.vmacXmitBase, forKey: .vmacXmitBase)
        try container.encodeIfPresent(rareFields.smtpAlert, forKey: .smtpAlert)
        try container.encodeIfPresent(rareFields.strictMode, forKey: .strictMode)
        try container.encodeIfPresent(rareFields.accept, forKey: .accept)
        try container.encode(rareFields.dontTrackPrimary, forKey: .dontTrackPrimary)
        try container.encode(rareFields.trackSourceIP, forKey: .trackSourceIP)
        try container.encodeIfPresent(rareFields.lowerPriorityNoAdvert, forKey: .lowerPriorityNoAdvert)
        try container.encodeIfPresent(rareFields.higherPrioritySendAdvert, forKey: .higherPrioritySendAdvert)
        try container.encode(rareFields.other, forKey: .other)
    }
}

/// The fields of a `VRRPInstance` that few instances set, with their defaults.
@usableFromInline
struct RareInstanceFields: RareFields {
    @usableFromInline static let defaults = RareInstanceFields()

    @usableFromInline init() {}

    @usableFromInline var versionConfigured: Int?
    @usableFromInline var nativeIPv6 = false
    @usableFromInline var excludedAddresses: [VirtualAddress] = []
    @usableFromInline var virtualRoutes: [RouteEntry] = []
    @usableFromInline var virtualRules: [RuleEntry] = []
    @usableFromInline var multicastSourceIP: IPAddress?
    @usableFromInline var trackFiles: [TrackReference] = []
    @usableFromInline var trackProcesses: [TrackReference] = []
    @usableFromInline var trackBFDs: [TrackReference] = []
    @usableFromInline var preemptDelayMicroseconds = 0
    @usableFromInline var useVMAC: VirtualMAC?
    @usableFromInline var vmacXmitBase = false
    @usableFromInline var smtpAlert: Bool?
    @usableFromInline var strictMode: Bool?
    @usableFromInline var accept: Bool?
    @usableFromInline var dontTrackPrimary = false
    @usableFromInline var trackSourceIP = false
    @usableFromInline var lowerPriorityNoAdvert: Bool?
    @usableFromInline var higherPrioritySendAdvert: Bool?
    @usableFromInline var other: [String: [String]] = [:]
}

/// `vrrp_sync_group NAME { group { ... } ... }`.
public struct VRRPSyncGroup: Sendable, Hashable, Encodable {
    public var name: String
    public var members: [String] = []
    /// Members that name a defined vrrp_instance (resolved after parsing).
    public var resolvedMembers: [String] = []
    public var trackInterfaces: [TrackedInterface] = []
    public var trackScripts: [TrackReference] = []
    public var trackFiles: [TrackReference] = []
    public var trackProcesses: [TrackReference] = []
    public var trackBFDs: [TrackReference] = []
    public var notify: [String: ScriptCommand] = [:]
    public var smtpAlert: Bool?
    public var globalTracking: Bool = false
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}
