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
    public var type: AuthenticationType?
    /// The password as written.
    public var pass: String?
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
public struct GARPSettings: Sendable, Hashable, Encodable {
    public var masterDelayMicroseconds: Int = 5_000_000
    public var masterRepeat: Int = 5
    public var masterRefreshMicroseconds: Int = 0
    public var masterRefreshRepeat: Int = 1
    public var lowerPriorityDelayMicroseconds: Int?
    public var lowerPriorityRepeat: Int?

    public init() {}
}

/// `vrrp_instance NAME { ... }` with keepalived's defaults applied.
public struct VRRPInstance: Sendable, Hashable, Encodable {
    public var name: String
    /// The initial state keepalived uses: as written, else MASTER when priority is 255, else BACKUP.
    public var state: VRRPState = .backup
    public var stateConfigured: VRRPState?
    public var interface: String?
    public var virtualRouterID: Int?
    /// The priority keepalived uses: as written, else 255 when state MASTER, else 100.
    public var priority: Int = 100
    public var priorityConfigured: Int?
    public var advertIntervalMicroseconds: Int = 1_000_000
    /// `version` of the instance, else `vrrp_version` of global_defs, else 2 (3 for IPv6).
    public var version: Int = 2
    public var versionConfigured: Int?
    public var nativeIPv6: Bool = false
    public var authentication: Authentication?
    public var virtualAddresses: [VirtualAddress] = []
    public var excludedAddresses: [VirtualAddress] = []
    public var virtualRoutes: [RouteEntry] = []
    public var virtualRules: [RuleEntry] = []
    public var unicastSourceIP: IPAddress?
    public var unicastPeers: [UnicastPeer] = []
    public var multicastSourceIP: IPAddress?
    public var trackInterfaces: [TrackedInterface] = []
    public var trackScripts: [TrackReference] = []
    public var trackFiles: [TrackReference] = []
    public var trackProcesses: [TrackReference] = []
    public var trackBFDs: [TrackReference] = []
    public var nopreempt: Bool = false
    public var preemptDelayMicroseconds: Int = 0
    public var garp = GARPSettings()
    public var useVMAC: VirtualMAC?
    public var vmacXmitBase: Bool = false
    /// notify, notify_master, notify_backup, notify_fault, notify_stop, notify_deleted, ... by keyword.
    public var notify: [String: ScriptCommand] = [:]
    public var smtpAlert: Bool?
    public var strictMode: Bool?
    public var accept: Bool?
    public var dontTrackPrimary: Bool = false
    public var trackSourceIP: Bool = false
    public var lowerPriorityNoAdvert: Bool?
    public var higherPrioritySendAdvert: Bool?
    /// Keywords bound but not given a typed field: keyword -> argument words (last occurrence).
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
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
