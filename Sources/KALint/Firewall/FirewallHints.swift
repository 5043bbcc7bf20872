import KAConfig

/// Ready-to-paste firewall rules that let a node's incoming VRRP adverts through: one comment line
/// naming the instances, then the rules. Instances that need the same rules share one group.
public enum FirewallHints {
    /// `nft add rule inet filter input iifname "eth0" ip daddr 224.0.0.18 ip protocol vrrp accept`
    public static func nftables(
        for needs: [VRRPTrafficNeed], table: String = "inet filter", chain: String = "input"
    ) -> [String] {
        grouped(needs) { nftRules(for: $0, table: table, chain: chain) }
    }

    private static func nftRules(for need: VRRPTrafficNeed, table: String, chain: String) -> [String] {
        var words = ["nft add rule \(table) \(chain)"]
        if let interface = need.interface { words.append("iifname \"\(interface)\"") }
        let ip = need.family == .ipv4 ? "ip" : "ip6"
        let peers = need.unicastPeers.map(canonical)
        if peers.count == 1 {
            words.append("\(ip) saddr \(peers[0])")
        } else if peers.count > 1 {
            words.append("\(ip) saddr { \(peers.joined(separator: ", ")) }")
        }
        if let destination = need.multicastGroup ?? need.localAddress {
            words.append("\(ip) daddr \(canonical(destination))")
        }
        words.append(need.family == .ipv4 ? "ip protocol \(need.protocolName)" : "ip6 nexthdr vrrp")
        words.append("accept")
        return [words.joined(separator: " ")]
    }

    /// `iptables -A INPUT -i eth0 -d 224.0.0.18/32 -p vrrp -j ACCEPT`, `ip6tables` for IPv6, one rule
    /// per unicast peer.
    public static func iptables(for needs: [VRRPTrafficNeed], chain: String = "INPUT") -> [String] {
        grouped(needs) { iptablesRules(for: $0, chain: chain) }
    }

    private static func iptablesRules(for need: VRRPTrafficNeed, chain: String) -> [String] {
        let tool = need.family == .ipv4 ? "iptables" : "ip6tables"
        let hostLength = need.family == .ipv4 ? "/32" : "/128"
        var common = "\(tool) -A \(chain)"
        if let interface = need.interface { common += " -i \(interface)" }
        let destination = (need.multicastGroup ?? need.localAddress).map { " -d \(canonical($0))\(hostLength)" } ?? ""
        let proto = need.family == .ipv4 ? need.protocolName : "vrrp"
        let sources = need.unicastPeers.isEmpty ? [""] : need.unicastPeers.map { " -s \(canonical($0))\(hostLength)" }
        return sources.map { "\(common)\($0)\(destination) -p \(proto) -j ACCEPT" }
    }

    /// Both rule sets, from one grouping of the needs (a node's hint shows both). With
    /// `distinctNames` (no two needs name the same instance) the comments skip their de-duplication.
    public static func hints(
        for needs: [VRRPTrafficNeed], distinctNames: Bool = false
    ) -> (nftables: [String], iptables: [String]) {
        hints(for: keyGroups(needs), distinctNames: distinctNames) { needs[$0].instance }
    }

    /// Both rule sets for groups of instances, each group's members as indices that `name` turns
    /// into instance names (see `FirewallNeeds.groups(for:)`).
    static func hints(
        for groups: [NeedGroup], distinctNames: Bool, name: (Int) -> String
    ) -> (nftables: [String], iptables: [String]) {
        (
            grouped(groups, distinctNames: distinctNames, name: name) { nftRules(for: $0, table: "inet filter", chain: "input") },
            grouped(groups, distinctNames: distinctNames, name: name) { iptablesRules(for: $0, chain: "INPUT") }
        )
    }

    /// Instances that need the same rules: the first one's need, and every member's index.
    /// Indices, not names: 4 bytes a member where a name was 16 (a hint for 20,000 instances).
    struct NeedGroup {
        var first: VRRPTrafficNeed
        var members: [Int32]
    }

    /// Groups needs by everything but the instance name, in first-seen order, as `add` gives
    /// them one at a time. A need like the one before it (instances written one after another
    /// for one interface) joins its group without hashing; any other is hashed once.
    struct NeedGrouping {
        /// Each group's first need and its members (the groups, once all are added).
        private var firsts: [VRRPTrafficNeed] = []
        private var members: [[Int32]] = []
        private var groupOfFlow: [VRRPTrafficNeed.Flow: Int] = [:]
        private var previous = -1

        var groups: [NeedGroup] { zip(firsts, members).map { NeedGroup(first: $0, members: $1) } }

        /// Adds need `index`, read in place (passed by value, each need was copied: its five
        /// references counted, for every instance).
        mutating func add(_ need: UnsafePointer<VRRPTrafficNeed>, index: Int) {
            let member = Int32(truncatingIfNeeded: index)
            let previous = self.previous
            if previous >= 0, firsts.withUnsafeBufferPointer({ VRRPTrafficNeed.sameFlow(need, $0.baseAddress! + previous) }) {
                members[previous].append(member)
                return
            }
            if let group = groupOfFlow[need.pointee.flow] {
                members[group].append(member)
                self.previous = group
            } else {
                self.previous = firsts.count
                groupOfFlow[need.pointee.flow] = firsts.count
                firsts.append(need.pointee)
                members.append([member])
            }
        }
    }

    private static func keyGroups(_ needs: [VRRPTrafficNeed]) -> [NeedGroup] {
        var grouping = NeedGrouping()
        needs.withUnsafeBufferPointer { needs in
            for index in needs.indices { grouping.add(needs.baseAddress! + index, index: index) }
        }
        return grouping.groups
    }

    /// Builds each group's rules, merges groups with identical rules, and puts a comment line first.
    private static func grouped(_ needs: [VRRPTrafficNeed], rules: (VRRPTrafficNeed) -> [String]) -> [String] {
        grouped(keyGroups(needs), distinctNames: false, name: { needs[$0].instance }, rules: rules)
    }

    private static func grouped(
        _ groups: [NeedGroup], distinctNames: Bool, name: (Int) -> String, rules: (VRRPTrafficNeed) -> [String]
    ) -> [String] {
        var order: [[String]] = []
        var groupOfLines: [[String]: Int] = [:]
        // Indices into `groups`, per distinct rule set: names are gathered once, at the end.
        var members: [[Int]] = []
        for index in groups.indices {
            let lines = rules(groups[index].first)
            if let existing = groupOfLines[lines] {
                members[existing].append(index)
            } else {
                groupOfLines[lines] = order.count
                order.append(lines)
                members.append([index])
            }
        }
        var output: [String] = []
        for (index, lines) in order.enumerated() {
            let indices = members[index].count == 1 ? groups[members[index][0]].members : members[index].flatMap { groups[$0].members }
            output.append(comment(for: groups[members[index][0]].first, members: indices, name: name, distinct: distinctNames))
            output += lines
        }
        return output
    }

    /// A comment names at most this many instances; past it, the first `shownNames` and how many
    /// more (a node's hint for 20,000 instances was a 200 KB comment line, twice).
    static let maximumNames = 12
    static let shownNames = 10

    private static func comment(for need: VRRPTrafficNeed, members: [Int32], name: (Int) -> String, distinct: Bool) -> String {
        var names: [String] = []
        var count = 0
        if distinct || members.count < 2 {
            count = members.count
            names = members.prefix(count > maximumNames ? shownNames : count).map { name(Int($0)) }
        } else {
            var seen = Set<String>(minimumCapacity: members.count)
            for member in members {
                let name = name(Int(member))
                guard seen.insert(name).inserted else { continue }
                count += 1
                if names.count < maximumNames { names.append(name) }
            }
            if count > maximumNames { names.removeLast(names.count - shownNames) }
        }
        var text = "# VRRP adverts for " + names.joined(separator: ", ")
        if count > names.count { text += " and \(count - names.count) more" }
        text += " ("
        text += need.family == .ipv4 ? "IPv4" : "IPv6"
        text += need.isUnicast ? " unicast" : " multicast"
        if let interface = need.interface { text += " on \(interface)" }
        if need.usesAH && need.family == .ipv4 { text += ", AH authentication" }
        if need.usesAH && need.family == .ipv6 { text += "; AH is IPv4-only, rules for plain VRRP" }
        if need.isUnicast && need.unicastPeers.isEmpty { text += "; no unicast peers configured" }
        return text + ")"
    }

    /// Addresses in their usual spelling (`2001:DB8:0::1` → `2001:db8::1`); anything else as written.
    private static func canonical(_ text: String) -> String {
        FirewallAddress.parse(text).map(\.description) ?? text
    }
}
