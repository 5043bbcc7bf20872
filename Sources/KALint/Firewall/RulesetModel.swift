import KAConfig

/// The part of a firewall both parsers produce and the evaluator reads: tables of chains of rules,
/// reduced to what decides the fate of an incoming VRRP advert.
struct RulesetProgram: Sendable {
    var tables: [RulesetTable] = []
    /// Families the text speaks for. An iptables-save dump covers one family per table; an nftables
    /// ruleset covers both (no base chain for a family means that family is not filtered).
    var coveredFamilies: Set<VRRPTrafficNeed.Family> = []
    var notes: [FirewallParseNote] = []
}

struct RulesetTable: Sendable {
    /// `ip`, `ip6`, `inet` (nftables) or `filter`, `raw`... with the family of its dump (iptables).
    var label: String
    var families: Set<VRRPTrafficNeed.Family>
    var chains: [RulesetChain] = []

    func chain(named name: String) -> Int? {
        chains.firstIndex { $0.name == name }
    }
}

/// Where a base chain hooks into the input path; other hooks never see incoming adverts.
enum RulesetHook: Int, Sendable, Comparable {
    case prerouting = 0
    case input = 1

    static func < (a: RulesetHook, b: RulesetHook) -> Bool { a.rawValue < b.rawValue }
}

struct RulesetChain: Sendable {
    var name: String
    var line: Int
    var hook: RulesetHook?
    var priority: Int = 0
    /// Base chains only: what happens to a packet that reaches the end.
    var policyDrops: Bool = false
    var policyLine: Int?
    var rules: [RulesetRule] = []
}

struct RulesetRule: Sendable {
    var line: Int
    /// The rule as written, for messages.
    var text: String
    var matches: [RuleMatch]
    var action: RuleAction
}

indirect enum RuleAction: Sendable {
    case accept
    case drop
    case reject
    case jump(String)
    case goto(String)
    case returnFromChain
    /// No verdict (counter, log, mark...): the next rule is tried.
    case next
    /// nftables verdict map: the first entry whose match holds decides; none: next rule.
    case verdictMap([(RuleMatch, RuleAction)])
    /// A verdict kalint does not evaluate (queue, NFQUEUE...): the rule is treated as not matching.
    case unsupported(String)

    /// True when taking this action can change where the packet ends up.
    var isDecisive: Bool {
        if case .next = self { return false }
        return true
    }
}

enum AddressSide: Sendable {
    case source, destination

    var word: String { self == .source ? "source" : "destination" }
}

enum RuleMatch: Sendable {
    /// `meta nfproto`, or the family an nftables `ip`/`ip6` expression implies.
    case family(VRRPTrafficNeed.Family)
    /// IP protocol (`-p`, `ip protocol`, `ip6 nexthdr`, `meta l4proto`); `family` set for nftables
    /// expressions that only exist for one family.
    case ipProtocol(Set<Int>, family: VRRPTrafficNeed.Family?, negated: Bool)
    case address(AddressSide, [FirewallAddressRange], family: VRRPTrafficNeed.Family?, negated: Bool)
    /// Interface name patterns; a trailing `*` (nftables) or `+` (iptables) is a wildcard.
    case inputInterface([String], negated: Bool)
    /// Incoming packets have no output interface yet.
    case outputInterface(negated: Bool)
    /// Lower-case conntrack states: new, established, related, invalid, untracked...
    case connectionState(Set<String>, negated: Bool)
    /// host (iptables: unicast), multicast, broadcast, other.
    case packetType(Set<String>, negated: Bool)
    /// Routing address type (`-m addrtype`, `fib daddr type`), lower case: local, unicast, multicast...
    case addressType(AddressSide, Set<String>, negated: Bool)
    /// A match VRRP adverts can never satisfy (ports, ICMP types, TCP flags...), with what it was.
    case never(String)
    /// A match every advert satisfies (`ct status != dnat`).
    case always
    /// A match kalint does not evaluate; the rule is treated as not matching.
    case unsupported(String)
}

/// Protocol numbers for the names found in rulesets (`/etc/protocols` plus nft's own names).
enum ProtocolNames {
    static let numbers: [String: Int] = [
        "ip": 0, "icmp": 1, "igmp": 2, "ipencap": 4, "tcp": 6, "egp": 8, "pup": 12, "udp": 17,
        "hmp": 20, "xns-idp": 22, "rdp": 27, "iso-tp4": 29, "dccp": 33, "xtp": 36, "ddp": 37,
        "idpr-cmtp": 38, "ipv6": 41, "ipv6-route": 43, "ipv6-frag": 44, "idrp": 45, "rsvp": 46,
        "gre": 47, "esp": 50, "ah": 51, "ipsec-ah": 51, "ipsec-esp": 50, "skip": 57, "ipv6-icmp": 58,
        "icmpv6": 58, "ipv6-nonxt": 59, "ipv6-opts": 60, "rspf": 73, "vmtp": 81, "eigrp": 88,
        "ospf": 89, "ospfigp": 89, "ax.25": 93, "ipip": 94, "etherip": 97, "encap": 98, "pim": 103,
        "ipcomp": 108, "vrrp": 112, "carp": 112, "l2tp": 115, "isis": 124, "sctp": 132, "fc": 133,
        "mobility-header": 135, "mh": 135, "udplite": 136, "mpls-in-ip": 137, "hip": 139,
        "shim6": 140, "wesp": 141, "rohc": 142, "ethernet": 143,
    ]

    /// The numbers for names, numbers and `a-b` ranges; a name missing from the table is some other
    /// protocol, recorded as -1 so it matches nothing.
    static func numbers(_ values: [String]) -> Set<Int> {
        var result: Set<Int> = []
        for value in values {
            let bounds = value.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, value.first?.isNumber == true, bounds[0] <= bounds[1], bounds[1] <= 255 {
                result.formUnion(bounds[0]...bounds[1])
            } else {
                result.insert(number(value) ?? -1)
            }
        }
        return result
    }

    /// The number for a name or a decimal number; nil when unknown.
    static func number(_ text: String) -> Int? {
        if let value = Int(text), (0...255).contains(value) { return value }
        return numbers[text.lowercased()]
    }
}
