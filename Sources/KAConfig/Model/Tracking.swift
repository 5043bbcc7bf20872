/// `IFNAME [weight W [reverse]]` in a `track_interface` block.
public struct TrackedInterface: Sendable, Hashable, Encodable {
    public var name: String
    public var weight: Int = 0
    public var reverse: Bool = false
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}

/// A `track_script`/`track_file`/`track_process`/`track_bfd` entry: `NAME [weight W [reverse]]`.
public struct TrackReference: Sendable, Hashable, Encodable {
    public var name: String
    /// nil: the object's own weight applies.
    public var weight: Int?
    public var reverse: Bool = false
    /// Whether keepalived found the object: defined above the reference (parse-time lookup).
    public var resolved: Bool = false
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}

/// `vrrp_script NAME { ... }`.
public struct VRRPScript: Sendable, Hashable, Encodable {
    public var name: String
    public var command: ScriptCommand?
    public var intervalMicroseconds: Int = 1_000_000
    public var timeoutMicroseconds: Int?
    public var weight: Int = 0
    public var weightReverse: Bool = false
    public var rise: Int = 1
    public var fall: Int = 1
    public var user: String?
    public var group: String?
    public var initFail: Bool = false
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}

/// `track_file NAME { file PATH; weight W [reverse]; init_file [VALUE] [overwrite] }`.
public struct TrackFile: Sendable, Hashable, Encodable {
    public var name: String
    public var file: String?
    public var weight: Int = 1
    public var weightReverse: Bool = false
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}

/// `vrrp_track_process NAME { process P; param_match M; weight W; quorum N; ... }`.
public struct TrackProcess: Sendable, Hashable, Encodable {
    public var name: String
    public var process: String?
    public var parameters: [String] = []
    public var paramMatch: String?
    public var weight: Int = 0
    public var weightReverse: Bool = false
    public var quorum: Int = 1
    public var quorumMax: Int?
    public var fullCommand: Bool = false
    /// `fork_delay` / `terminate_delay` (both set by `delay`, in the order written).
    public var forkDelayMicroseconds: Int?
    public var terminateDelayMicroseconds: Int?
    public var other: [String: [String]] = [:]
    @SourceOrigin public var origin: Origin? = nil

    public init(name: String) { self.name = name }
}
