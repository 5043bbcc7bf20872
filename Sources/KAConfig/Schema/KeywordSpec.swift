/// The keyword schema: keepalived's language as data. One row per keyword and block; the binder,
/// kalint, kafmt, the docs and grammar/ all read these rows. See `Schema/Rows/` for the tables.

/// The type of one argument word.
public enum ValueType: Sendable, Hashable {
    /// Unsigned integer (decimal, `strtoul` base 10: no sign, no trailing junk).
    case unsigned(ClosedRange<Int>)
    /// Signed integer.
    case integer(ClosedRange<Int>)
    /// Decimal seconds (or other unit) with at most `places` decimals, e.g. `advert_int 0.5`.
    case decimal(min: Double, max: Double, places: Int)
    /// One of `on off true false yes no` (lower case).
    case bool
    /// One of a fixed set of words, compared case-sensitively.
    case enumeration([String])
    case ipv4
    case ipv6
    /// IPv4 or IPv6 address without prefix.
    case ipAddress
    /// IPv4 or IPv6 address with optional `/prefix`.
    case ipPrefix
    /// An address or a host name.
    case host
    /// A network interface name (< 16 bytes).
    case interfaceName
    /// A file system path.
    case path
    /// A MAC address.
    case mac
    /// A port number 1..65535 (or a service name where keepalived allows it).
    case port
    /// The name of another configuration object (vrrp_script, vrrp_instance, ...).
    case reference(ReferenceKind)
    /// Any word.
    case string
}

/// What a reference argument names.
public enum ReferenceKind: String, Sendable, Hashable, CaseIterable {
    case vrrpScript = "vrrp_script"
    case vrrpInstance = "vrrp_instance"
    case trackFile = "track_file"
    case trackProcess = "vrrp_track_process"
    case bfdInstance = "bfd_instance"
    case virtualServerGroup = "virtual_server_group"
    case trackGroup = "track_group"
}

/// One argument position of a keyword.
public struct ArgumentSpec: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var isOptional: Bool
    /// Takes all remaining words (e.g. `vrrp_cpu_affinity 0 1 2`).
    public var isVariadic: Bool

    public init(_ name: String, _ type: ValueType, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.type = type
        self.isOptional = optional
        self.isVariadic = variadic
    }
}

/// How the lines of a value block are read: each line is one entry of this syntax.
public enum EntrySyntax: String, Sendable, Hashable, CaseIterable {
    /// `ADDR[/PREFIX] [dev IF] [brd ADDR] [scope S] [label L] [no_track] ...` (VIPs, static addresses)
    case address
    /// `ip route` syntax (virtual_routes, static_routes).
    case route
    /// `ip rule` syntax (virtual_rules, static_rules).
    case rule
    /// `IP [min_ttl N] [max_ttl N]`
    case unicastPeer
    /// `IFNAME [weight W [reverse]]`
    case trackInterface
    /// `NAME [weight W [reverse|noreverse]]` for track_script, track_file, track_process, track_bfd.
    case trackObject
    /// One word per line (notification_email, sync group `group`, garp_group `interfaces`).
    case word
    /// `IFNAME [MII|ETHTOOL|IOCTL]`
    case linkbeatInterface
    /// `IFNAME down_delay [up_delay]`
    case interfaceDelay
    /// `ADDR[-LAST] [PORT]` or `fwmark N [inet|inet6]` in virtual_server_group.
    case virtualServerGroupEntry
}

/// What a keyword is.
public enum KeywordKind: Sendable, Hashable {
    /// A keyword with arguments on its line (possibly none).
    case value
    /// A keyword whose whole rest of the line is a script command line, re-split with shell-like
    /// quoting (`notify`, `script`, `misc_path`, ...): `command [user [[:]group]]`.
    case script
    /// A keyword that opens a block of other keywords, listed in `BlockSpec` named `block`.
    case block(String)
    /// A keyword that opens a block whose lines are entries of one syntax.
    case valueBlock(EntrySyntax)
}

/// What a keyword's handler does with a number outside its range.
public enum OutOfRangeHandling: String, Sendable, Hashable {
    /// Reported, and the line is ignored (keepalived keeps the default or the earlier value).
    case ignored
    /// Reported, and the nearest bound is used (keepalived 2.2.7's real-time priorities,
    /// get_realtime_priority).
    case clampedToBound
}

/// One keyword row.
public struct KeywordSpec: Sendable, Hashable {
    public var name: String
    public var kind: KeywordKind
    public var arguments: [ArgumentSpec]
    /// The default keepalived uses when the keyword is absent, as text (nil: none / not meaningful).
    public var defaultValue: String?
    /// The keyword that replaces this one, when it is deprecated.
    public var deprecatedBy: String?
    /// First keepalived version that knows the keyword ("1.0.0" when it always did).
    public var since: String
    /// False when keepalived 2.2.7 does not know the keyword (newer, or removed).
    public var knownIn227: Bool
    /// May appear more than once in its block with each occurrence counted.
    public var repeatable: Bool
    /// One line saying what the keyword does.
    public var summary: String
    /// The build option keepalived needs for this keyword (nil: always installed). A keepalived built
    /// without it reports the keyword as unknown even though its version knows it.
    public var buildFeature: BuildFeature?
    /// Whether keepalived exits (status 2) when a required argument is missing, as most handlers do;
    /// false where the handler checks and goes on. Set per block from `MissingArgument`.
    public var missingArgumentExits = true
    /// What keepalived does with a number outside the argument's range: most handlers report it
    /// and ignore the line; a few move it to the nearest bound.
    public var outOfRange = OutOfRangeHandling.ignored

    public init(
        _ name: String, _ kind: KeywordKind = .value, args: [ArgumentSpec] = [], default defaultValue: String? = nil,
        deprecatedBy: String? = nil, since: String = "1.0.0", knownIn227: Bool = true, repeatable: Bool = false,
        summary: String = "", requires buildFeature: BuildFeature? = nil
    ) {
        self.name = name
        self.kind = kind
        self.arguments = args
        self.defaultValue = defaultValue
        self.deprecatedBy = deprecatedBy
        self.since = since
        self.knownIn227 = knownIn227
        self.repeatable = repeatable
        self.summary = summary
        self.buildFeature = buildFeature
    }

    public var minimumArguments: Int { arguments.prefix { !$0.isOptional && !$0.isVariadic }.count }
    public var maximumArguments: Int? { arguments.contains { $0.isVariadic } ? nil : arguments.count }
}

/// Whether the keyword that opens a block takes a name (`vrrp_instance VI_1 {`).
public enum BlockNameRequirement: String, Sendable, Hashable {
    /// No words after the keyword (`global_defs {`).
    case none
    /// Exactly one name word; keepalived refuses the block without it (or exits on a missing word).
    case required
    /// A name or address words are accepted but not needed.
    case optional
    /// Other header words are required: an address and port (`virtual_server IP PORT`, `real_server IP PORT`).
    case address
}

/// A keyword table: the keywords allowed at one block level.
public struct BlockSpec: Sendable {
    public var name: String
    public var keywords: [KeywordSpec]
    /// What the opening keyword line must carry besides the keyword.
    public var nameRequirement: BlockNameRequirement = .none
    /// One line saying what the block configures.
    public var summary: String = ""
    private var index: [String: Int]

    public init(_ name: String, nameRequirement: BlockNameRequirement, summary: String, _ keywords: [KeywordSpec]) {
        self.init(name, keywords)
        self.nameRequirement = nameRequirement
        self.summary = summary
    }

    public init(_ name: String, _ keywords: [KeywordSpec]) {
        self.name = name
        self.keywords = keywords
        var index: [String: Int] = [:]
        for (position, keyword) in keywords.enumerated() where index[keyword.name] == nil {
            index[keyword.name] = position
        }
        self.index = index
    }

    public func keyword(_ name: String) -> KeywordSpec? {
        index[name].map { keywords[$0] }
    }
}
