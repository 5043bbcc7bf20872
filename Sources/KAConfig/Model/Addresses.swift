/// One entry of `virtual_ipaddress`, `virtual_ipaddress_excluded` or `static_ipaddress`:
/// `ADDR[/PREFIX] [dev IF] [brd ADDR] [scope S] [label L] [peer ADDR[/P]] [no_track] [preferred_lft N] ...`
///
/// The options few addresses have (`brd`, `scope`, `peer`, `no_track`, `preferred_lft`, flags)
/// are held out of line, allocated only when one is written; the prefix length is one byte
/// beside the address's tag: an address is 88 bytes, not 168 (nearly every instance holds one
/// inline).
public struct VirtualAddress: Sendable, Hashable, Encodable {
    public var address: IPAddress
    private var storedPrefixLength: UInt8
    public var device: String?
    public var label: String?
    @SourceOrigin public var origin: Origin? = nil
    /// The rare fields (`RareAddressFields`), out of line.
    var rare = OutOfLine<RareAddressFields>()

    /// 0...32 (IPv4) or 0...128 (IPv6) when parsed; clamped to 0...255 when set (as `IPPrefix`).
    public var prefixLength: Int {
        get { Int(storedPrefixLength) }
        set { storedPrefixLength = UInt8(clamping: newValue) }
    }

    public var broadcast: String? {
        get { rare.read { $0.broadcast } }
        set { rare.fields.broadcast = newValue }
    }
    public var scope: String? {
        get { rare.read { $0.scope } }
        set { rare.fields.scope = newValue }
    }
    public var peer: IPPrefix? {
        get { rare.read { $0.peer } }
        set { rare.fields.peer = newValue }
    }
    public var noTrack: Bool {
        get { rare.read { $0.noTrack } }
        set { rare.fields.noTrack = newValue }
    }
    public var preferredLifetime: String? {
        get { rare.read { $0.preferredLifetime } }
        set { rare.fields.preferredLifetime = newValue }
    }
    /// Other flags as written (`home`, `nodad`, `noprefixroute`, `autojoin`, ...).
    public var flags: [String] {
        get { rare.read { $0.flags } }
        set { rare.fields.flags = newValue }
    }

    // Every field under its own name, as the synthesized conformance wrote them.
    enum CodingKeys: String, CodingKey {
        case address, prefixLength, device, broadcast, scope, label, peer, noTrack, preferredLifetime, flags
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encode(prefixLength, forKey: .prefixLength)
        try container.encodeIfPresent(device, forKey: .device)
        try container.encodeIfPresent(label, forKey: .label)
        let rareFields = rare.fields
        try container.encodeIfPresent(rareFields.broadcast, forKey: .broadcast)
        try container.encodeIfPresent(rareFields.scope, forKey: .scope)
        try container.encodeIfPresent(rareFields.peer, forKey: .peer)
        try container.encode(rareFields.noTrack, forKey: .noTrack)
        try container.encodeIfPresent(rareFields.preferredLifetime, forKey: .preferredLifetime)
        try container.encode(rareFields.flags, forKey: .flags)
    }
}

extension VirtualAddress {
    // Ends in the memberwise initialiser: one built by field stores is copied once more on its
    // way into an array.
    public init(address: IPAddress, prefixLength: Int) {
        self.init(address: address, storedPrefixLength: UInt8(clamping: prefixLength), device: nil)
    }
}

/// The options of a `VirtualAddress` that few addresses have, with their defaults.
struct RareAddressFields: RareFields {
    static let defaults = RareAddressFields()

    var broadcast: String?
    var scope: String?
    var peer: IPPrefix?
    var noTrack = false
    var preferredLifetime: String?
    var flags: [String] = []
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
