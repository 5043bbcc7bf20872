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
        let linkLocal = addresses.first { $0.address.family == .ipv6 && Self.isLinkLocal($0.address) && !$0.isDADFailed }?.address
        let global = addresses.first { $0.address.family == .ipv6 && !Self.isLinkLocal($0.address) && !$0.isDADFailed }?.address
        return InterfaceFacts(
            name: name, index: link.index, mac: link.mac, primaryIPv4: ipv4, linkLocalIPv6: linkLocal, globalIPv6: global)
    }

    func sourceAddress(towards destination: IPAddress) -> IPAddress? {
        Self.routedSource(towards: destination)
    }

    static func isLinkLocal(_ address: IPAddress) -> Bool {
        let bytes = address.bytes
        return address.family == .ipv6 && bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80
    }

    static func routedSource(towards destination: IPAddress) -> IPAddress? {
        let family = destination.family == .ipv4 ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var storage = sockaddr_storage()
        let bytes = destination.bytes
        var length: socklen_t
        if destination.family == .ipv4 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(9).bigEndian
            withUnsafeMutableBytes(of: &address.sin_addr) { buffer in
                for index in 0..<4 { buffer[index] = bytes[index] }
            }
            withUnsafeMutableBytes(of: &storage) { buffer in
                withUnsafeBytes(of: address) { buffer.copyMemory(from: $0) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        } else {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(9).bigEndian
            withUnsafeMutableBytes(of: &address.sin6_addr) { buffer in
                for index in 0..<16 { buffer[index] = bytes[index] }
            }
            withUnsafeMutableBytes(of: &storage) { buffer in
                withUnsafeBytes(of: address) { buffer.copyMemory(from: $0) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
        let connected = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        }
        guard connected == 0 else { return nil }
        var local = sockaddr_storage()
        var localLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &local) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &localLength) }
        }
        guard named == 0 else { return nil }
        return withUnsafeBytes(of: local) { raw -> IPAddress? in
            if destination.family == .ipv4 {
                let octets = Array(raw[4..<8])
                return IPAddress(octets.map(String.init).joined(separator: "."))
            }
            let octets = Array(raw[8..<24])
            var groups: [String] = []
            for index in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(octets[index]) << 8 | UInt16(octets[index + 1]), radix: 16))
            }
            return IPAddress(groups.joined(separator: ":"))
        }
    }
}
