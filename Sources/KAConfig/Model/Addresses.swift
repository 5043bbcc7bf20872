/// One entry of `virtual_ipaddress`, `virtual_ipaddress_excluded` or `static_ipaddress`:
/// `ADDR[/PREFIX] [dev IF] [brd ADDR] [scope S] [label L] [peer ADDR[/P]] [no_track] [preferred_lft N] ...`
public struct VirtualAddress: Sendable, Hashable, Encodable {
    public var address: IPAddress
    public var prefixLength: Int
    public var device: String?
    public var broadcast: String?
    public var scope: String?
    public var label: String?
    public var peer: IPPrefix?
    public var noTrack: Bool = false
    public var preferredLifetime: String?
    /// Other flags as written (`home`, `nodad`, `noprefixroute`, `autojoin`, ...).
    public var flags: [String] = []
    @SourceOrigin public var origin: Origin? = nil
}

extension VirtualAddress {
    // Ends in the memberwise initialiser: one built by field stores is copied once more on its
    // way into an array.
    public init(address: IPAddress, prefixLength: Int) {
        self.init(address: address, prefixLength: prefixLength, device: nil)
    }
}

/// `IP [min_ttl N] [max_ttl N]` in `unicast_peer`.
public struct UnicastPeer: Sendable, Hashable, Encodable {
    public var address: IPAddress
    public var minTTL: Int?
    public var maxTTL: Int?
    @SourceOrigin public var origin: Origin? = nil

    public init(address: IPAddress) { self.address = address }
}

/// One `virtual_routes`/`static_routes` entry: the fields read where possible, the words kept.
public struct RouteEntry: Sendable, Hashable, Encodable {
    public var type: String?
    public var destination: String?
    public var source: String?
    public var via: String?
    public var device: String?
    public var table: String?
    public var metric: Int?
    public var scope: String?
    public var protocolName: String?
    public var noTrack: Bool = false
    public var words: [String]
    @SourceOrigin public var origin: Origin? = nil

    public init(words: [String]) { self.words = words }
}

/// One `virtual_rules`/`static_rules` entry.
public struct RuleEntry: Sendable, Hashable, Encodable {
    public var from: String?
    public var to: String?
    public var table: String?
    public var priority: Int?
    public var fwmark: String?
    public var inputInterface: String?
    public var outputInterface: String?
    public var action: String?
    public var noTrack: Bool = false
    public var words: [String]
    @SourceOrigin public var origin: Origin? = nil

    public init(words: [String]) { self.words = words }
}
