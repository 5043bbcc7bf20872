#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// One advertisement as `VRRPSocket.send(_:)` puts it on the wire, made once and sendable again
/// and again: IPv4 with its header (TOS 0xc0, TTL = hop limit, identification 0, which with
/// IP_HDRINCL makes the kernel pick one and write the header checksum on every send); IPv6 the
/// VRRP bytes, with what goes into the per-packet options. The destination's sockaddr is built
/// here too, not per send.
public struct WirePacket {
    public let bytes: [UInt8]
    public let source: IPAddress
    public let destination: IPAddress
    public let hopLimit: UInt8
    let socketAddress: SocketAddress
    let sourceBytes: [UInt8]
    let destinationBytes: [UInt8]

    /// `payload` is what `AdvertisementCodec.encode` made for this `source`/`destination`.
    public init(payload: [UInt8], source: IPAddress, destination: IPAddress, hopLimit: UInt8) throws {
        guard source.family == destination.family else {
            throw SystemError("send \(source) -> \(destination): mixed address families", code: EAFNOSUPPORT)
        }
        switch source.family {
        case .ipv4:
            let envelope = IPEnvelope(source: source, destination: destination, hopLimit: hopLimit, trafficClass: UInt8(VRRPSocket.trafficClass))
            do {
                bytes = try IPPacketCodec.encode(envelope, payload: payload)
            } catch {
                throw SystemError("send to \(destination): \(error)", code: EINVAL)
            }
        case .ipv6:
            bytes = payload
        }
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        socketAddress = SocketAddress(destination)
        sourceBytes = source.bytes
        destinationBytes = destination.bytes
    }

    /// The engine's advert, encoded (checksum over its addresses) and wrapped.
    public init(advert: OutgoingAdvertisement) throws {
        try self.init(payload: advert.encoded(), source: advert.source, destination: advert.destination, hopLimit: advert.hopLimit)
    }
}
