#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// `HostFacts` read from the kernel: interfaces and addresses through netlink, and the source
/// address towards a peer through the routing table (a UDP socket `connect`ed to the peer, which
/// sends nothing, and `getsockname`).
struct NetlinkHostFacts: HostFacts {
    let netlink: RouteNetlink

    func interface(named name: String) -> InterfaceFacts? {
        guard let link = netlink.link(named: name) else { return nil }
        let addresses = netlink.addresses(ifindex: link.index)
        let ipv4 = addresses.first { $0.address.family == .ipv4 && !$0.isSecondary }?.address
        let linkLocal = addresses.first { $0.address.family == .ipv6 && $0.address.isLinkLocal && !$0.isDADFailed }?.address
        let global = addresses.first { $0.address.family == .ipv6 && !$0.address.isLinkLocal && !$0.isDADFailed }?.address
        return InterfaceFacts(
            name: name, index: link.index, mac: link.mac, primaryIPv4: ipv4, linkLocalIPv6: linkLocal, globalIPv6: global)
    }

    func sourceAddress(towards destination: IPAddress) -> IPAddress? {
        Self.routedSource(towards: destination)
    }

    var onlineCPUs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static func routedSource(towards destination: IPAddress) -> IPAddress? {
        let fd = socket(destination.family == .ipv4 ? AF_INET : AF_INET6, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let connected = SocketAddress(destination, port: 9).withSockaddr { connect(fd, $0, $1) }
        guard connected == 0 else { return nil }
        var local = sockaddr_storage()
        var localLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &local) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &localLength) }
        }
        guard named == 0 else { return nil }
        return SocketAddress.ipAddress(of: local)
    }
}
