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
        let groups = keyGroups(needs)
        return (
            grouped(groups, distinctNames: distinctNames) { nftRules(for: $0, table: "inet filter", chain: "input") },
            grouped(groups, distinctNames: distinctNames) { iptablesRules(for: $0, chain: "INPUT") }
        )
    }

    /// The needs grouped by everything but the instance name, in first-seen order. A need like
    /// the one before it (instances written one after another for one interface) joins its group
    /// without hashing; any other is hashed once, whatever the formats asked for.
    private static func keyGroups(_ needs: [VRRPTrafficNeed]) -> [(first: VRRPTrafficNeed, names: [String])] {
        // Groups by the index of their first need while grouping: the needs are read in place
        // and copied only for the few groups made.
        var groups: [(first: Int, names: [String])] = []
        var groupOfFlow: [VRRPTrafficNeed.Flow: Int] = [:]
        needs.withUnsafeBufferPointer { needs in
            var previous = -1
            for index in needs.indices {
                // Compared in place: passed by value, both needs were copied (their five
                // references counted) for every instance.
                if previous >= 0, VRRPTrafficNeed.sameFlow(needs.baseAddress! + index, needs.baseAddress! + groups[previous].first) {
                    groups[previous].names.append(needs[index].instance)
                    continue
                }
                if let group = groupOfFlow[needs[index].flow] {
                    groups[group].names.append(needs[index].instance)
                    previous = group
                } else {
                    previous = groups.count
                    groupOfFlow[needs[index].flow] = groups.count
                    groups.append((index, [needs[index].instance]))
                }
            }
        }
        return groups.map { (needs[$0.first], $0.names) }
    }

    /// Builds each group's rules, merges groups with identical rules, and puts a comment line first.
    private static func grouped(_ needs: [VRRPTrafficNeed], rules: (VRRPTrafficNeed) -> [String]) -> [String] {
        grouped(keyGroups(needs), distinctNames: false, rules: rules)
    }

    private static func grouped(
        _ groups: [(first: VRRPTrafficNeed, names: [String])], distinctNames: Bool, rules: (VRRPTrafficNeed) -> [String]
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
            let names = members[index].count == 1 ? groups[members[index][0]].names : members[index].flatMap { groups[$0].names }
            output.append(comment(for: groups[members[index][0]].first, names: names, distinct: distinctNames))
            output += lines
        }
        return output
    }

    private static func comment(for need: VRRPTrafficNeed, names members: [String], distinct: Bool) -> String {
        var names: [String] = []
        if distinct || members.count < 2 {
            names = members
        } else {
            var seen = Set<String>(minimumCapacity: members.count)
            for name in members where seen.insert(name).inserted { names.append(name) }
        }
        // The names' bytes gathered, then decoded once: `joined` and `+=` cost several hundred
        // instructions a name, and a node's hint may name thousands of instances.
        var bytes = Array("# VRRP adverts for ".utf8)
        bytes.reserveCapacity(names.reduce(bytes.count + 2) { $0 + $1.utf8.count + 2 })
        for (position, name) in names.enumerated() {
            if position > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(UInt8(ascii: " "))
            }
            var name = name
            name.withUTF8 { bytes.append(contentsOf: $0) }
        }
        var text = String(decoding: bytes, as: UTF8.self) + " ("
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
