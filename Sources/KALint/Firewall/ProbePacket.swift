import KAConfig

/// The incoming VRRP advert the evaluator pushes through a ruleset. Fields kalint cannot know
/// (the input interface of a unicast instance without `interface`, the sender of a multicast
/// advert) are nil; the evaluator then follows both answers of a rule that asks about them.
struct ProbePacket: Sendable {
    var family: VRRPTrafficNeed.Family
    var ipProtocol: Int
    var source: FirewallAddress?
    var destination: FirewallAddress?
    var toMulticast: Bool
    var interface: String?

    init(need: VRRPTrafficNeed, peer: String?) {
        family = need.family
        ipProtocol = need.ipProtocol
        source = peer.flatMap { FirewallAddress.parse($0) }
        toMulticast = need.multicastGroup != nil
        destination = (need.multicastGroup ?? need.localAddress).flatMap { FirewallAddress.parse($0) }
        interface = need.interface
    }

    /// Conntrack sees every advert as NEW: the group never answers, and peers' adverts are not
    /// replies. Chains hooked before conntrack (prerouting below priority -200) see no connection,
    /// which `ct state` and `-m state` report as invalid.
    var connectionState = "new"

    static let conntrackPriority = -200

    /// `meta pkttype` / `-m pkttype` value.
    var packetType: String { toMulticast ? "multicast" : "host" }

    /// Routing type of an address, as `-m addrtype` and `fib ... type` see it.
    func addressType(_ side: AddressSide) -> String {
        switch side {
        case .source: return "unicast"
        case .destination: return toMulticast ? "multicast" : "local"
        }
    }

    /// "VRRP (IP protocol 112) from 192.0.2.2 to 224.0.0.18 on eth0", leaving out what is unknown.
    var summary: String {
        var text = ipProtocol == 51 ? "AH-wrapped VRRP (IP protocol 51)" : "VRRP (IP protocol 112)"
        text += family == .ipv4 ? " over IPv4" : " over IPv6"
        if let source { text += " from \(source)" }
        if let destination { text += " to \(destination)" }
        if let interface { text += " on \(interface)" }
        return text
    }
}
