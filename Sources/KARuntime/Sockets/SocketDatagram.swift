import KAVRRP

/// One VRRP datagram as a `VRRPSocket` received it.
public struct ReceivedDatagram: Hashable, Sendable {
    /// The VRRP bytes after the IP header, for `AdvertisementCodec.decode`.
    public var payload: [UInt8]
    public var source: IPAddress
    /// The IP header's destination: the group for multicast, the unicast address otherwise.
    public var destination: IPAddress
    /// IPv4 TTL / IPv6 hop limit as received (multicast VRRP insists on 255).
    public var hopLimit: UInt8
    /// The interface it arrived on (0 if the kernel did not say).
    public var ifindex: Int32

    public init(payload: [UInt8], source: IPAddress, destination: IPAddress, hopLimit: UInt8, ifindex: Int32) {
        self.payload = payload
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        self.ifindex = ifindex
    }

    /// The addresses the VRRPv3 checksum covers.
    public var addressing: PacketAddressing { PacketAddressing(source: source, destination: destination) }
}

/// What one read from a `VRRPSocket` gave.
public enum SocketReceive: Hashable, Sendable {
    case datagram(ReceivedDatagram)
    /// Bytes that are not a usable IP datagram (bad IPv4 header, missing ancillary data,
    /// oversized); `source` is the sender when the kernel said who it was.
    case malformed(reason: String, source: IPAddress?)
}

/// What the kernel said about a datagram besides its bytes (the Swift view of
/// `ckaruntime_datagram_info`), so interpretation can be tested without a socket.
struct DatagramMetadata: Hashable, Sendable {
    /// The sender from the socket address, if the kernel gave one.
    var source: IPAddress?
    /// IP_PKTINFO / IPV6_PKTINFO destination.
    var destination: IPAddress?
    var ifindex: Int32 = 0
    /// IPV6_HOPLIMIT (IPv6 only; IPv4 takes the TTL from the header).
    var hopLimit: Int?
    /// The real length of a datagram longer than the buffer (MSG_TRUNC), nil when it fitted.
    var truncatedLength: Int?
}

extension ReceivedDatagram {
    /// Turns the bytes of one read into a datagram or a reason it is not one. Never traps.
    ///
    /// IPv4 raw sockets deliver the IP header: it is split off with `IPPacketCodec.decode`, whose
    /// errors become `.malformed`. IPv6 raw sockets deliver the payload only; source, destination
    /// and hop limit come from the socket address and the control messages.
    static func interpret(_ bytes: [UInt8], family: AddressFamily, metadata: DatagramMetadata) -> SocketReceive {
        if let length = metadata.truncatedLength {
            return .malformed(reason: "datagram of \(length) bytes truncated to \(bytes.count)", source: metadata.source)
        }
        switch family {
        case .ipv4:
            let envelope: IPEnvelope
            let payload: ArraySlice<UInt8>
            do {
                (envelope, payload) = try IPPacketCodec.decode(bytes)
            } catch {
                return .malformed(reason: "IPv4 header: \(error)", source: metadata.source)
            }
            guard envelope.source.family == .ipv4 else {
                return .malformed(reason: "IPv6 packet on an IPv4 socket", source: metadata.source)
            }
            return .datagram(ReceivedDatagram(
                payload: Array(payload),
                source: envelope.source,
                destination: envelope.destination,
                hopLimit: envelope.hopLimit,
                ifindex: metadata.ifindex
            ))
        case .ipv6:
            guard let source = metadata.source, source.family == .ipv6 else {
                return .malformed(reason: "no IPv6 source address", source: metadata.source)
            }
            guard let destination = metadata.destination, destination.family == .ipv6 else {
                return .malformed(reason: "no IPV6_PKTINFO control message", source: source)
            }
            guard let hopLimit = metadata.hopLimit, let hops = UInt8(exactly: hopLimit) else {
                return .malformed(reason: "no IPV6_HOPLIMIT control message", source: source)
            }
            return .datagram(ReceivedDatagram(
                payload: bytes, source: source, destination: destination, hopLimit: hops, ifindex: metadata.ifindex
            ))
        }
    }
}

/// Builds `IPAddress` values from network-order bytes through the text form, the one
/// constructor every `IPAddress` variant shares.
enum SocketAddressBytes {
    static func address<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> IPAddress? {
        let octets = Array(bytes)
        switch octets.count {
        case 4:
            return IPAddress(octets.map { String($0) }.joined(separator: "."))
        case 16:
            var groups: [String] = []
            groups.reserveCapacity(8)
            for index in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(octets[index]) << 8 | UInt16(octets[index + 1]), radix: 16))
            }
            return IPAddress(groups.joined(separator: ":"))
        default:
            return nil
        }
    }
}
