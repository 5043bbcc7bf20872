/// `global_defs { ... }` with keepalived 2.2.7's defaults.
public struct GlobalDefs: Sendable, Hashable, Encodable {
    public var routerID: String?
    public var scriptUser: String?
    public var scriptGroup: String?
    public var enableScriptSecurity: Bool = false
    public var vrrpVersion: Int = 2
    public var vrrpStrict: Bool = false
    public var multicastGroup4: IPAddress = .v4(0xE000_0012)
    public var multicastGroup6: IPAddress = .v6(0xFF02_0000_0000_0000, 0x12)
    public var garp = GARPSettings()
    public var garpIntervalMicroseconds: Int = 0
    public var gnaIntervalMicroseconds: Int = 0
    public var notificationEmail: [String] = []
    public var notificationEmailFrom: String?
    public var smtpServer: String?
    public var smtpPort: Int?
    public var smtpHeloName: String?
    public var smtpConnectTimeoutMicroseconds: Int = 30_000_000
    public var smtpAlert: Bool?
    public var dynamicInterfaces: Bool = false
    public var maxAutoPriority: Int?
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init() {}
}

/// The typed model of one configuration, as keepalived 2.2.7 would hold it after parsing.
public struct Configuration: Sendable, Hashable, Encodable {
    public var globalDefs = GlobalDefs()
    public var vrrpScripts: [VRRPScript] = []
    public var trackFiles: [TrackFile] = []
    public var trackProcesses: [TrackProcess] = []
    public var syncGroups: [VRRPSyncGroup] = []
    public var instances: [VRRPInstance] = []
    public var staticAddresses: [VirtualAddress] = []
    public var staticRoutes: [RouteEntry] = []
    public var staticRules: [RuleEntry] = []
    public var virtualServerGroups: [VirtualServerGroup] = []
    public var virtualServers: [VirtualServer] = []
    public var bfdInstances: [BFDInstance] = []
    public var garpGroups: [GARPGroup] = []
    public var linkbeatInterfaces: [LinkbeatInterface] = []
    public var trackGroups: [TrackGroup] = []
    /// Top-level keywords with no typed field (net_namespace, instance, use_pid_dir, ...).
    public var other: [String: [String]] = [:]

    public init() {}

    public func instance(named name: String) -> VRRPInstance? { instances.first { $0.name == name } }
    public func script(named name: String) -> VRRPScript? { vrrpScripts.first { $0.name == name } }
}
