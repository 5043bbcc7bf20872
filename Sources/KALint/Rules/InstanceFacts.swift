import KAConfig

/// What keepalived 2.2.7 derives for one vrrp_instance while it reads the block line by line
/// (the address family fixed by the first address, entries of the other family skipped, the
/// VRRP version) and when it completes the instance (version default, initial state).
/// The binder's model keeps what was written; these rules need the order-dependent outcome.
struct InstanceFacts: Sendable {
    enum Family: String, Sendable {
        case ipv4 = "IPv4"
        case ipv6 = "IPv6"

        init(_ address: IPAddress) { self = address.isIPv6 ? .ipv6 : .ipv4 }
    }

    /// A word keepalived skipped because its family differs from the instance's.
    struct SkippedWord: Sendable {
        var keyword: String
        var word: ExpandedWord
        var family: Family
    }

    /// A `version` line and what became of it.
    struct VersionLine: Sendable {
        var statement: BoundStatement
        var version: Int
        /// keepalived ignored it: a different version was already set, or 2 in an IPv6 instance.
        var ignored: Bool
        /// The family was already IPv6 when the line was read.
        var afterIPv6: Bool
    }

    let instance: VRRPInstance
    /// The node's statements (shared storage: holding it copies no statement).
    private let tree: BoundTree
    /// Indices of the instance's statements in the order keepalived reads them (sub-blocks excluded).
    private(set) var statementIndices: [Int] = []
    private(set) var family: Family?
    /// The word that fixed the family (nil for `native_ipv6` or when no address was given).
    private(set) var familyWord: ExpandedWord?
    private(set) var familyKeyword: String?
    private(set) var skipped: [SkippedWord] = []
    private(set) var versionLines: [VersionLine] = []
    private(set) var nativeIPv6Ignored: BoundStatement?
    /// Virtual addresses kept (same family as the instance).
    private(set) var virtualAddresses: [IPAddress] = []
    /// Unicast peers kept (same family as the instance).
    private(set) var unicastPeers: [IPAddress] = []
    /// `unicast_src_ip` / `mcast_src_ip` kept (the last one keepalived accepted).
    private(set) var sourceAddress: IPAddress?
    private(set) var sourceAddresses: [IPAddress] = []
    private(set) var multicastDestination: IPAddress?
    /// The version parsing left (0: none yet; `native_ipv6` sets 3).
    private var parsedVersion = 0

    /// The keywords `read` looks at: the others are skipped without copying their statements.
    private static let readKeywords: Set<String> = [
        "virtual_ipaddress", "unicast_peer", "unicast_src_ip", "mcast_src_ip", "mcast_dst_ip", "native_ipv6", "version",
    ]

    init(_ instance: VRRPInstance, in node: NodeAnalysis) {
        self.instance = instance
        tree = node.bound.tree
        guard let block = node.instanceBlocks[instance.name] else { return }
        statementIndices = Array(tree.blocks[block].statements)
        for index in statementIndices where Self.readKeywords.contains(tree.statements[index].row.name) {
            read(tree.statements[index])
        }
        readStateLines()
    }

    /// The instance's statements in reading order (copies: prefer `statement(_:)`/`statements(_:)`).
    var statements: [BoundStatement] { statementIndices.map { tree.statements[$0] } }

    private mutating func read(_ statement: BoundStatement) {
        switch statement.keyword {
        case "virtual_ipaddress":
            for entry in statement.entries {
                guard let first = entry.first, let prefix = IPPrefix(first.text) else { continue }
                if accept(prefix.address, word: first, keyword: "virtual_ipaddress") { virtualAddresses.append(prefix.address) }
            }
        case "unicast_peer":
            for entry in statement.entries {
                guard let first = entry.first, let address = IPAddress(first.text) else { continue }
                if accept(address, word: first, keyword: "unicast_peer") { unicastPeers.append(address) }
            }
        case "unicast_src_ip", "mcast_src_ip":
            guard statement.words.count > 1, let address = statement.address() else { return }
            if accept(address, word: statement.words[1], keyword: statement.keyword) {
                sourceAddress = address
                sourceAddresses.append(address)
            }
        case "mcast_dst_ip":
            guard statement.words.count > 1, let address = statement.address() else { return }
            if accept(address, word: statement.words[1], keyword: statement.keyword) { multicastDestination = address }
        case "native_ipv6":
            if family == .ipv4 {
                nativeIPv6Ignored = statement
            } else {
                family = .ipv6
                parsedVersion = 3
            }
        case "version":
            guard let version = statement.int(), version == 2 || version == 3 else { return }
            let ignored = (parsedVersion != 0 && parsedVersion != version) || (version == 2 && family == .ipv6)
            versionLines.append(VersionLine(statement: statement, version: version, ignored: ignored, afterIPv6: family == .ipv6))
            if !ignored { parsedVersion = version }
        default:
            break
        }
    }

    /// The first address fixes the family; later ones of the other family are skipped.
    private mutating func accept(_ address: IPAddress, word: ExpandedWord, keyword: String) -> Bool {
        let addressFamily = Family(address)
        guard let family else {
            self.family = addressFamily
            familyWord = word
            familyKeyword = keyword
            return true
        }
        if family == addressFamily { return true }
        skipped.append(SkippedWord(keyword: keyword, word: word, family: addressFamily))
        return false
    }

    /// IPv4 unless an address or `native_ipv6` made it IPv6.
    var effectiveFamily: Family { family ?? .ipv4 }

    func isStrict(_ model: Configuration) -> Bool { instance.strictMode ?? model.globalDefs.vrrpStrict }

    /// The version after vrrp_complete_instance: IPv6 defaults to 3, and only strict mode moves an
    /// IPv6 instance configured as version 2 to 3.
    func effectiveVersion(_ model: Configuration) -> Int {
        if effectiveFamily == .ipv6 {
            if parsedVersion == 2 { return isStrict(model) ? 3 : 2 }
            return 3
        }
        return parsedVersion != 0 ? parsedVersion : model.globalDefs.vrrpVersion
    }

    /// The `state` lines in order with the state keepalived holds after each (nil: the line has no word).
    private(set) var stateLines: [(statement: BoundStatement, after: VRRPState?)] = []

    /// Read once, when the facts are made (several rules ask for the state).
    private mutating func readStateLines() {
        var current: VRRPState?
        for statement in statements("state") {
            guard statement.words.count > 1 else {
                stateLines.append((statement, current))
                continue
            }
            switch statement.words[1].text {
            case "MASTER": current = .master
            case "BACKUP": if current != .master { current = .backup }
            default: current = .backup
            }
            stateLines.append((statement, current))
        }
    }

    /// The state written, as keepalived reads it (nil: no state line).
    var configuredState: VRRPState? { stateLines.last?.after }

    /// The priority keepalived uses as base priority (1...255).
    var basePriority: Int {
        if let configured = instance.priorityConfigured { return configured }
        return configuredState == .master ? 255 : 100
    }

    /// The initial state after vrrp_complete_instance, before any authentication adjustment:
    /// derived from priority when not written; strict mode makes MASTER match priority 255.
    func initialState(_ model: Configuration) -> VRRPState {
        let derived: VRRPState = basePriority == 255 ? .master : .backup
        guard let configured = configuredState else { return derived }
        if isStrict(model), (configured == .master) != (basePriority == 255) { return derived }
        // AH with initial MASTER and priority below 255 is moved to BACKUP (when AH survives).
        if configured == .master, basePriority != 255, instance.authentication?.type == .ah,
            effectiveVersion(model) == 2, effectiveFamily == .ipv4, instance.authentication?.pass?.isEmpty == false
        {
            return .backup
        }
        return configured
    }

    /// The first statement with `keyword` among the instance's own lines.
    func statement(_ keyword: String) -> BoundStatement? {
        statementIndices.first { tree.statements[$0].row.name == keyword }.map { tree.statements[$0] }
    }

    /// The instance's own lines with `keyword`, in reading order (only those are copied).
    func statements(_ keyword: String) -> [BoundStatement] {
        statementIndices.filter { tree.statements[$0].row.name == keyword }.map { tree.statements[$0] }
    }
}
