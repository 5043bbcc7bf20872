#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// An IP address and port as the sockets API takes it (sockaddr_in / sockaddr_in6 in a
/// sockaddr_storage), and back.
public struct SocketAddress {
    public private(set) var storage = sockaddr_storage()
    public let length: socklen_t

    /// `scope` is the interface index a link-local IPv6 address needs.
    public init(_ address: IPAddress, port: UInt16 = 0, scope: Int32 = 0) {
        let bytes = address.bytes
        switch address.family {
        case .ipv4:
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            withUnsafeMutableBytes(of: &socketAddress.sin_addr) { $0.copyBytes(from: bytes) }
            withUnsafeMutableBytes(of: &storage) { buffer in withUnsafeBytes(of: socketAddress) { buffer.copyMemory(from: $0) } }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        case .ipv6:
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = port.bigEndian
            withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { $0.copyBytes(from: bytes) }
            if address.isLinkLocal { socketAddress.sin6_scope_id = UInt32(max(scope, 0)) }
            withUnsafeMutableBytes(of: &storage) { buffer in withUnsafeBytes(of: socketAddress) { buffer.copyMemory(from: $0) } }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
    }

    /// The address a sockaddr_storage holds (nil for other families).
    public static func ipAddress(of storage: sockaddr_storage) -> IPAddress? {
        withUnsafeBytes(of: storage) { raw -> IPAddress? in
            switch Int32(storage.ss_family) {
            case AF_INET: IPAddress(bytes: raw[4..<8])
            case AF_INET6: IPAddress(bytes: raw[8..<24])
            default: nil
            }
        }
    }

    /// Calls `body` with the address as `sockaddr *` and its length.
    public func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}
