/// The IP header fields around an advertisement, as a raw socket or a capture delivers them.
public struct IPEnvelope: Hashable, Sendable {
    public var source: IPAddress
    public var destination: IPAddress
    /// IPv4 TTL or IPv6 hop limit; VRRP sends 255 and multicast receivers insist on it.
    public var hopLimit: UInt8
    /// IPv4 TOS / IPv6 traffic class (keepalived sends 0xc0, network control).
    public var trafficClass: UInt8
    /// IPv4 only.
    public var identification: UInt16
    /// IPv4 only: the DF flag.
    public var dontFragment: Bool
    /// IPv6 only, 20 bits.
    public var flowLabel: UInt32

    public init(
        source: IPAddress,
        destination: IPAddress,
        hopLimit: UInt8 = 255,
        trafficClass: UInt8 = 0xC0,
        identification: UInt16 = 0,
        dontFragment: Bool = false,
        flowLabel: UInt32 = 0
    ) {
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        self.trafficClass = trafficClass
        self.identification = identification
        self.dontFragment = dontFragment
        self.flowLabel = flowLabel
    }

    public var addressing: PacketAddressing { PacketAddressing(source: source, destination: destination) }
}

/// Encoding and decoding of whole IPv4 / IPv6 packets carrying VRRP (protocol 112, no options on
/// output, no extension headers).
public enum IPPacketCodec {
    public static func encode(_ envelope: IPEnvelope, payload: [UInt8]) throws(VRRPPacketError) -> [UInt8] {
        guard envelope.source.family == envelope.destination.family else { throw .mixedPseudoHeaderFamilies }
        switch envelope.source.family {
        case .ipv4:
            let total = 20 + payload.count
            var header: [UInt8] = [
                0x45, envelope.trafficClass, UInt8(truncatingIfNeeded: total >> 8), UInt8(truncatingIfNeeded: total),
                UInt8(envelope.identification >> 8), UInt8(truncatingIfNeeded: envelope.identification),
                envelope.dontFragment ? 0x40 : 0, 0,
                envelope.hopLimit, AdvertisementCodec.vrrpProtocolNumber, 0, 0,
            ]
            header += envelope.source.bytes
            header += envelope.destination.bytes
            var sum = InternetChecksum()
            sum.add(header)
            header[10] = UInt8(sum.value >> 8)
            header[11] = UInt8(truncatingIfNeeded: sum.value)
            return header + payload
        case .ipv6:
            let flow = envelope.flowLabel & 0xF_FFFF
            var header: [UInt8] = [
                0x60 | envelope.trafficClass >> 4,
                (envelope.trafficClass & 0x0F) << 4 | UInt8(truncatingIfNeeded: flow >> 16),
                UInt8(truncatingIfNeeded: flow >> 8), UInt8(truncatingIfNeeded: flow),
                UInt8(truncatingIfNeeded: payload.count >> 8), UInt8(truncatingIfNeeded: payload.count),
                AdvertisementCodec.vrrpProtocolNumber, envelope.hopLimit,
            ]
            header += envelope.source.bytes
            header += envelope.destination.bytes
            return header + payload
        }
    }

    /// Splits a packet into its envelope and the VRRP bytes, checking what the kernel would not.
    public static func decode(_ bytes: [UInt8]) throws(VRRPPacketError) -> (envelope: IPEnvelope, payload: ArraySlice<UInt8>) {
        guard let first = bytes.first else { throw .truncatedIPHeader(length: 0) }
        switch first >> 4 {
        case 4: return try decodeIPv4(bytes)
        case 6: return try decodeIPv6(bytes)
        case let other: throw .unsupportedIPVersion(other)
        }
    }

    private static func decodeIPv4(_ bytes: [UInt8]) throws(VRRPPacketError) -> (envelope: IPEnvelope, payload: ArraySlice<UInt8>) {
        let headerLength = Int(bytes[0] & 0x0F) * 4
        guard bytes.count >= 20, headerLength >= 20, bytes.count >= headerLength else {
            throw .truncatedIPHeader(length: bytes.count)
        }
        let total = Int(bytes[2]) << 8 | Int(bytes[3])
        guard total == bytes.count else { throw .ipLengthMismatch(declared: total, received: bytes.count) }
        var sum = InternetChecksum()
        sum.add(bytes[0..<headerLength])
        guard sum.value == 0 else { throw .ipHeaderChecksumMismatch }
        let moreFragments = bytes[6] & 0x20 != 0
        let fragmentOffset = Int(bytes[6] & 0x1F) << 8 | Int(bytes[7])
        guard !moreFragments, fragmentOffset == 0 else { throw .fragmented }
        guard bytes[9] == AdvertisementCodec.vrrpProtocolNumber else { throw .notVRRP(protocolNumber: bytes[9]) }
        let envelope = IPEnvelope(
            source: .v4(UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15])),
            destination: .v4(UInt32(bytes[16]) << 24 | UInt32(bytes[17]) << 16 | UInt32(bytes[18]) << 8 | UInt32(bytes[19])),
            hopLimit: bytes[8],
            trafficClass: bytes[1],
            identification: UInt16(bytes[4]) << 8 | UInt16(bytes[5]),
            dontFragment: bytes[6] & 0x40 != 0
        )
        return (envelope, bytes[headerLength...])
    }

    private static func decodeIPv6(_ bytes: [UInt8]) throws(VRRPPacketError) -> (envelope: IPEnvelope, payload: ArraySlice<UInt8>) {
        guard bytes.count >= 40 else { throw .truncatedIPHeader(length: bytes.count) }
        let payloadLength = Int(bytes[4]) << 8 | Int(bytes[5])
        guard payloadLength == bytes.count - 40 else {
            throw .ipLengthMismatch(declared: payloadLength + 40, received: bytes.count)
        }
        guard bytes[6] == AdvertisementCodec.vrrpProtocolNumber else { throw .notVRRP(protocolNumber: bytes[6]) }
        let envelope = IPEnvelope(
            source: .v6(bigEndian64(bytes, at: 8), bigEndian64(bytes, at: 16)),
            destination: .v6(bigEndian64(bytes, at: 24), bigEndian64(bytes, at: 32)),
            hopLimit: bytes[7],
            trafficClass: (bytes[0] & 0x0F) << 4 | bytes[1] >> 4,
            flowLabel: UInt32(bytes[1] & 0x0F) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])
        )
        return (envelope, bytes[40...])
    }

    /// The 64-bit big-endian number at `offset` (half an IPv6 address).
    private static func bigEndian64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<(offset + 8) { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}

extension AdvertisementCodec {
    /// Decodes a whole IP packet: the envelope, then the advertisement with the envelope's addresses.
    public static func decode(
        ipPacket bytes: [UInt8],
        checksum style: ChecksumStyle = .standard
    ) throws(VRRPPacketError) -> (envelope: IPEnvelope, advertisement: VRRPAdvertisement) {
        let (envelope, payload) = try IPPacketCodec.decode(bytes)
        return (envelope, try decode(payload, addressing: envelope.addressing, checksum: style))
    }

    /// Encodes an advertisement inside an IP header.
    public static func encode(
        _ advertisement: VRRPAdvertisement,
        envelope: IPEnvelope,
        checksum style: ChecksumStyle = .standard
    ) throws(VRRPPacketError) -> [UInt8] {
        try IPPacketCodec.encode(envelope, payload: encode(advertisement, addressing: envelope.addressing, checksum: style))
    }
}
