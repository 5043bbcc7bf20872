/// A checker of a real server (`TCP_CHECK`, `HTTP_GET`, `SSL_GET`, `MISC_CHECK`, `DNS_CHECK`,
/// `SMTP_CHECK`, `UDP_CHECK`, `PING_CHECK`, `FILE_CHECK`, `BFD_CHECK`).
public struct Checker: Sendable, Hashable, Encodable {
    public struct URL: Sendable, Hashable, Encodable {
        public var path: String?
        public var digest: String?
        public var statusCode: [String] = []
        public var other: [String: [String]] = [:]
        @SourceOrigin public var origin: Origin? = nil

        public init() {}
    }

    public var type: String
    public var connectIP: IPAddress?
    public var connectPort: Int?
    public var bindIP: IPAddress?
    public var connectTimeoutMicroseconds: Int?
    public var retry: Int?
    public var delayBeforeRetryMicroseconds: Int?
    public var delayLoopMicroseconds: Int?
    public var warmupMicroseconds: Int?
    public var urls: [URL] = []
    /// MISC_CHECK misc_path.
    public var command: ScriptCommand?
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(type: String) { self.type = type }
}

/// `real_server ADDR [PORT] { ... }`.
public struct RealServer: Sendable, Hashable, Encodable {
    public var address: IPAddress
    public var port: Int?
    public var weight: Int = 1
    public var checkers: [Checker] = []
    public var notifyUp: ScriptCommand?
    public var notifyDown: ScriptCommand?
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(address: IPAddress, port: Int?) {
        self.address = address
        self.port = port
    }
}

/// `virtual_server ADDR PORT | fwmark N | group NAME { ... }`.
public struct VirtualServer: Sendable, Hashable, Encodable {
    public var address: IPAddress?
    public var port: Int?
    public var fwmark: Int?
    public var group: String?
    public var scheduler: String?
    public var forwardingMethod: String?
    public var protocolName: String?
    public var persistenceTimeout: Int?
    public var delayLoopMicroseconds: Int = 60_000_000
    public var sorryServer: RealServer?
    public var quorum: Int = 1
    public var hysteresis: Int = 0
    public var quorumUp: ScriptCommand?
    public var quorumDown: ScriptCommand?
    public var realServers: [RealServer] = []
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init() {}
}

/// `virtual_server_group NAME { ADDR[-LAST] PORT | fwmark N ... }`.
public struct VirtualServerGroup: Sendable, Hashable, Encodable {
    public var name: String
    public var entries: [[String]] = []
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}

/// `bfd_instance NAME { neighbor_ip ...; source_ip ...; ... }`.
public struct BFDInstance: Sendable, Hashable, Encodable {
    public var name: String
    public var neighbor: IPAddress?
    public var source: IPAddress?
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}

/// `garp_group { garp_interval; gna_interval; interface | interfaces { ... } }`.
public struct GARPGroup: Sendable, Hashable, Encodable {
    public var garpIntervalMicroseconds: Int?
    public var gnaIntervalMicroseconds: Int?
    public var interfaces: [String] = []
    @SourceOrigin public var origin: Origin? = nil

    public init() {}
}

/// `linkbeat_interfaces { IFNAME [MII|ETHTOOL|IOCTL] }`.
public struct LinkbeatInterface: Sendable, Hashable, Encodable {
    public var name: String
    public var method: String?

    public init(name: String, method: String?) {
        self.name = name
        self.method = method
    }
}

/// `track_group NAME { group { ... } }`.
public struct TrackGroup: Sendable, Hashable, Encodable {
    public var name: String
    public var members: [String] = []
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}
