import KAConfig

/// Ready-to-paste firewall rules that let a node's incoming VRRP adverts through: one comment line
/// naming the instances, then the rules. Instances that need the same rules share one group.
public enum FirewallHints {
    /// `nft add rule inet filter input iifname "eth0" ip daddr 224.0.0.18 ip protocol vrrp accept`
    public static func nftables(
        for needs: [VRRPTrafficNeed], table: String = "inet filter", chain: String = "input"
    ) -> [String] {
        grouped(needs) { need in
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
    }

    /// `iptables -A INPUT -i eth0 -d 224.0.0.18/32 -p vrrp -j ACCEPT`, `ip6tables` for IPv6, one rule
    /// per unicast peer.
    public static func iptables(for needs: [VRRPTrafficNeed], chain: String = "INPUT") -> [String] {
        grouped(needs) { need in
            let tool = need.family == .ipv4 ? "iptables" : "ip6tables"
            let hostLength = need.family == .ipv4 ? "/32" : "/128"
            var common = "\(tool) -A \(chain)"
            if let interface = need.interface { common += " -i \(interface)" }
            let destination = (need.multicastGroup ?? need.localAddress).map { " -d \(canonical($0))\(hostLength)" } ?? ""
            let proto = need.family == .ipv4 ? need.protocolName : "vrrp"
            let sources = need.unicastPeers.isEmpty ? [""] : need.unicastPeers.map { " -s \(canonical($0))\(hostLength)" }
            return sources.map { "\(common)\($0)\(destination) -p \(proto) -j ACCEPT" }
        }
    }

    /// Builds each need's rules, merges needs with identical rules, and puts a comment line first.
    private static func grouped(_ needs: [VRRPTrafficNeed], rules: (VRRPTrafficNeed) -> [String]) -> [String] {
        var order: [[String]] = []
        var groupOfLines: [[String]: Int] = [:]
        /// Per group: its first need and every member's instance name.
        var members: [(first: VRRPTrafficNeed, names: [String])] = []
        // The lines depend on everything but the instance name: made (and hashed) once per
        // distinct need, not once per instance.
        var groupOfNeed: [VRRPTrafficNeed: Int] = [:]
        for need in needs {
            var key = need
            key.instance = ""
            let group: Int
            if let known = groupOfNeed[key] {
                group = known
            } else {
                let lines = rules(need)
                if let existing = groupOfLines[lines] {
                    group = existing
                } else {
                    group = order.count
                    order.append(lines)
                    groupOfLines[lines] = group
                    members.append((need, []))
                }
                groupOfNeed[key] = group
            }
            members[group].names.append(need.instance)
        }
        var output: [String] = []
        for (index, lines) in order.enumerated() {
            output.append(comment(for: members[index].first, names: members[index].names))
            output += lines
        }
        return output
    }

    private static func comment(for need: VRRPTrafficNeed, names members: [String]) -> String {
        var names: [String] = []
        var seen = Set<String>(minimumCapacity: members.count)
        for name in members where seen.insert(name).inserted { names.append(name) }
        var text = "# VRRP adverts for \(names.joined(separator: ", ")) ("
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
