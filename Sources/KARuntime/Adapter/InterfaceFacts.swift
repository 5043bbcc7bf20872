import KAVRRP

/// What the adapter needs to know about one interface of this host, read from netlink by the
/// daemon (or written by hand in tests): the adapter itself does no I/O.
public struct InterfaceFacts: Hashable, Sendable {
    public var name: String
    public var index: Int32
    public var mac: [UInt8]
    /// First primary (non-secondary) IPv4 address: the source of IPv4 adverts.
    public var primaryIPv4: IPAddress?
    /// The link-local IPv6 address: the source of IPv6 multicast adverts (RFC 5798 §5.1.2.1).
    public var linkLocalIPv6: IPAddress?
    /// A global IPv6 address, for unicast without `unicast_src_ip`.
    public var globalIPv6: IPAddress?

    public init(
        name: String, index: Int32, mac: [UInt8] = [],
        primaryIPv4: IPAddress? = nil, linkLocalIPv6: IPAddress? = nil, globalIPv6: IPAddress? = nil
    ) {
        self.name = name
        self.index = index
        self.mac = mac
        self.primaryIPv4 = primaryIPv4
        self.linkLocalIPv6 = linkLocalIPv6
        self.globalIPv6 = globalIPv6
    }
}

/// The host as the adapter sees it: interfaces by name, and the source address the kernel would
/// pick towards a destination (for unicast instances with neither `interface` nor
/// `unicast_src_ip`).
public protocol HostFacts {
    func interface(named name: String) -> InterfaceFacts?
    func sourceAddress(towards destination: IPAddress) -> IPAddress?
    /// CPUs online (`vrrp_cpu_affinity` names CPUs 0 to this minus one).
    var onlineCPUs: Int { get }
}

/// A fixed table of interfaces, for tests and `karun --check`, which must not depend on the host.
public struct StaticHostFacts: HostFacts, Sendable {
    public var interfaces: [String: InterfaceFacts]
    public var routes: [IPAddress: IPAddress]
    public var onlineCPUs: Int

    public init(_ interfaces: [InterfaceFacts] = [], routes: [IPAddress: IPAddress] = [:], onlineCPUs: Int = 2) {
        self.interfaces = Dictionary(interfaces.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.routes = routes
        self.onlineCPUs = onlineCPUs
    }

    public func interface(named name: String) -> InterfaceFacts? { interfaces[name] }
    public func sourceAddress(towards destination: IPAddress) -> IPAddress? { routes[destination] }
}
