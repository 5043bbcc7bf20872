import KAConfig

/// One flow of VRRP traffic a node must accept (input) and may need to send (output).
public struct VRRPTrafficNeed: Sendable, Hashable {
    public enum Family: String, Sendable { case ipv4, ipv6 }

    /// Everything about the traffic but the instance it is for: instances with equal flows
    /// need the same firewall rules (the hints group them by it).
    public struct Flow: Sendable, Hashable {
        public var family: Family
        /// Input interface, nil when unknown (unicast without interface).
        public var interface: String?
        /// auth_type AH: IP protocol 51 carrying VRRP (keepalived allows it only with VRRPv2, so IPv4).
        public var usesAH: Bool
        /// Multicast destination (224.0.0.18 / ff02::12 or the configured group), nil for unicast.
        public var multicastGroup: String?
        /// Unicast: the peers' addresses (sources of incoming adverts). Empty for multicast.
        public var unicastPeers: [String]
        /// Unicast: this node's own source address (destination of incoming adverts), if known.
        public var localAddress: String?
    }

    /// vrrp_instance name, for messages.
    public var instance: String
    public var flow: Flow

    public init(
        instance: String, family: Family, interface: String? = nil, usesAH: Bool = false,
        multicastGroup: String? = nil, unicastPeers: [String] = [], localAddress: String? = nil
    ) {
        self.instance = instance
        self.flow = Flow(
            family: family, interface: interface, usesAH: usesAH, multicastGroup: multicastGroup,
            unicastPeers: unicastPeers, localAddress: localAddress)
    }

    public var family: Family {
        get { flow.family }
        set { flow.family = newValue }
    }

    public var interface: String? {
        get { flow.interface }
        set { flow.interface = newValue }
    }

    public var usesAH: Bool {
        get { flow.usesAH }
        set { flow.usesAH = newValue }
    }

    public var multicastGroup: String? {
        get { flow.multicastGroup }
        set { flow.multicastGroup = newValue }
    }

    public var unicastPeers: [String] {
        get { flow.unicastPeers }
        set { flow.unicastPeers = newValue }
    }

    public var localAddress: String? {
        get { flow.localAddress }
        set { flow.localAddress = newValue }
    }

    /// Whether two needs' flows are equal, compared field by field in place: `==` takes both
    /// flows by value, a copy of each (five references counted) per instance of a large node.
    static func sameFlow(_ a: UnsafePointer<VRRPTrafficNeed>, _ b: UnsafePointer<VRRPTrafficNeed>) -> Bool {
        a.pointee.flow.family == b.pointee.flow.family && a.pointee.flow.usesAH == b.pointee.flow.usesAH
            && a.pointee.flow.interface == b.pointee.flow.interface
            && a.pointee.flow.multicastGroup == b.pointee.flow.multicastGroup
            && a.pointee.flow.localAddress == b.pointee.flow.localAddress
            && a.pointee.flow.unicastPeers == b.pointee.flow.unicastPeers
    }

    /// The IP protocol number the adverts arrive with: 51 (AH) around VRRP on IPv4, else 112.
    var ipProtocol: Int { usesAH && family == .ipv4 ? 51 : 112 }

    var protocolName: String { ipProtocol == 51 ? "ah" : "vrrp" }

    var isUnicast: Bool { multicastGroup == nil }
}
