import KAConfig

/// The vrrp_instance keywords the rules look up per instance. `NodeFacts` marks each statement
/// of these keywords once (a byte per statement), so that a rule finds an instance's `priority`
/// lines by reading bytes, not by comparing keyword names or copying statements.
enum InstanceKeyword: UInt8, CaseIterable, Sendable {
    /// Not one of these keywords (or not at the level of a vrrp_instance).
    case none = 0
    case state, priority, virtualRouterID, advertInt, nopreempt, preemptDelay, interface, useVMAC, useIPVLAN
    case version, strictMode, unicastSourceIP, multicastSourceIP, multicastDestinationIP, virtualIPAddress
    case unicastPeer, nativeIPv6
    /// In the instance's `authentication` block.
    case authType, authPass

    var name: String {
        switch self {
        case .none: ""
        case .state: "state"
        case .priority: "priority"
        case .virtualRouterID: "virtual_router_id"
        case .advertInt: "advert_int"
        case .nopreempt: "nopreempt"
        case .preemptDelay: "preempt_delay"
        case .interface: "interface"
        case .useVMAC: "use_vmac"
        case .useIPVLAN: "use_ipvlan"
        case .version: "version"
        case .strictMode: "strict_mode"
        case .unicastSourceIP: "unicast_src_ip"
        case .multicastSourceIP: "mcast_src_ip"
        case .multicastDestinationIP: "mcast_dst_ip"
        case .virtualIPAddress: "virtual_ipaddress"
        case .unicastPeer: "unicast_peer"
        case .nativeIPv6: "native_ipv6"
        case .authType: "auth_type"
        case .authPass: "auth_pass"
        }
    }

    /// The block a keyword belongs to.
    var blockName: String {
        switch self {
        case .authType, .authPass: "authentication"
        default: "vrrp_instance"
        }
    }

    static let byName: [String: InstanceKeyword] = {
        var table: [String: InstanceKeyword] = [:]
        for keyword in allCases where keyword != .none { table[keyword.name] = keyword }
        return table
    }()

    /// One byte per statement of `tree`: the keyword, when it is one of these at its own block
    /// level. Read off the keyword index: each distinct schema row is looked at once.
    static func marks(_ tree: BoundTree, keywords: KeywordIndex, context: StatementContext) -> [InstanceKeyword] {
        var marks = [InstanceKeyword](repeating: .none, count: tree.statements.count)
        for entry in keywords.rows {
            guard let keyword = byName[entry.row.name] else { continue }
            // Rows are per block level: the first statement's block tells the row's.
            guard tree.blocks[context.block(of: keywords.first(of: entry))].specName == keyword.blockName else { continue }
            for index in keywords.indices(of: entry) { marks[index] = keyword }
        }
        return marks
    }
}
