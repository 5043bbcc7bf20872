/// The IP addresses an advertisement travels between; VRRPv3 checksums cover them.
public struct PacketAddressing: Hashable, Sendable {
    public var source: IPAddress
    public var destination: IPAddress

    public init(source: IPAddress, destination: IPAddress) {
        self.source = source
        self.destination = destination
    }

    public var family: AddressFamily { source.family }
}

/// How a VRRPv3 IPv4 checksum is computed (v2 never has a pseudo-header; v3 IPv6 always has one).
public enum ChecksumStyle: Hashable, Sendable {
    /// RFC 5798 §5.2.8 as keepalived reads it: the IPv4 pseudo-header is included.
    case standard
    /// keepalived's `v3_checksum_as_v2`: no pseudo-header, for Cisco/Juniper interoperation.
    case withoutPseudoHeader
}

/// Encoding and decoding of the VRRP part of a packet (what follows the IP header).
public enum AdvertisementCodec {
    /// Bytes before the address list: version/type, VRID, priority, count, 2 interval bytes, checksum.
    public static let headerLength = 8
    /// VRRPv2 authentication data after the address list.
    public static let authenticationLength = 8
    static let vrrpProtocolNumber: UInt8 = 112

    /// The advertisement's bytes with the checksum filled in.
    public static func encode(
        _ advertisement: VRRPAdvertisement,
        addressing: PacketAddressing,
        checksum style: ChecksumStyle = .standard
    ) throws(VRRPPacketError) -> [UInt8] {
        let family = addressing.family
        guard addressing.destination.family == family else { throw .mixedPseudoHeaderFamilies }
        if advertisement.version == .v2, family == .ipv6 {
            throw .versionFamilyMismatch(version: .v2, family: .ipv6)
        }
        guard advertisement.addresses.count <= 255 else { throw .tooManyAddresses(advertisement.addresses.count) }
        if let stranger = advertisement.addresses.first(where: { $0.family != family }) {
            throw .addressFamilyMismatch(stranger)
        }
        guard advertisement.advertisementInterval <= VRRPAdvertisement.maximumInterval(for: advertisement.version) else {
            throw .intervalOutOfRange(advertisement.advertisementInterval)
        }
        if advertisement.version == .v3, advertisement.authentication != .none { throw .authenticationNotAllowed }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(expectedLength(version: advertisement.version, family: family, count: advertisement.addresses.count))
        bytes.append(advertisement.version.rawValue << 4 | 1)
        bytes.append(advertisement.virtualRouterID)
        bytes.append(advertisement.priority)
        bytes.append(UInt8(advertisement.addresses.count))
        switch advertisement.version {
        case .v2:
            bytes.append(advertisement.authentication.typeCode)
            bytes.append(UInt8(advertisement.advertisementInterval))
        case .v3:
            bytes.append(UInt8(advertisement.advertisementInterval >> 8))
            bytes.append(UInt8(truncatingIfNeeded: advertisement.advertisementInterval))
        }
        bytes.append(0)
        bytes.append(0)
        for address in advertisement.addresses {
            switch address {
            case .v4(let value):
                bytes.append(UInt8(value >> 24))
                bytes.append(UInt8(truncatingIfNeeded: value >> 16))
                bytes.append(UInt8(truncatingIfNeeded: value >> 8))
                bytes.append(UInt8(truncatingIfNeeded: value))
            case .v6(let high, let low):
                for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
                for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: low >> UInt64(shift))) }
            }
        }
        if advertisement.version == .v2 { bytes += advertisement.authentication.data.bytes }

        let sum = checksum(of: bytes[...], version: advertisement.version, addressing: addressing, style: style)
        bytes[6] = UInt8(sum >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: sum)
        return bytes
    }

    public static func decode(
        _ bytes: [UInt8],
        addressing: PacketAddressing,
        checksum style: ChecksumStyle = .standard
    ) throws(VRRPPacketError) -> VRRPAdvertisement {
        try decode(bytes[...], addressing: addressing, checksum: style)
    }

    /// Checks, in order: length of the fixed header, version, type, family, count against length,
    /// v2 authentication type, checksum. Never traps, whatever the bytes.
    public static func decode(
        _ bytes: ArraySlice<UInt8>,
        addressing: PacketAddressing,
        checksum style: ChecksumStyle = .standard
    ) throws(VRRPPacketError) -> VRRPAdvertisement {
        let start = bytes.startIndex
        guard bytes.count >= headerLength else { throw .truncated(length: bytes.count, minimum: headerLength) }
        let versionNibble = bytes[start] >> 4
        guard let version = VRRPVersion(rawValue: versionNibble) else { throw .unsupportedVersion(versionNibble) }
        let type = bytes[start] & 0x0F
        guard type == 1 else { throw .unsupportedType(type) }
        let family = addressing.family
        if version == .v2, family == .ipv6 { throw .versionFamilyMismatch(version: .v2, family: .ipv6) }
        if version == .v2, bytes.count < headerLength + authenticationLength {
            throw .truncated(length: bytes.count, minimum: headerLength + authenticationLength)
        }
        let count = Int(bytes[start + 3])
        let expected = expectedLength(version: version, family: family, count: count)
        guard bytes.count == expected else {
            throw .addressCountMismatch(count: count, length: bytes.count, expectedLength: expected)
        }

        var authentication = VRRPAuthentication.none
        let interval: UInt16
        switch version {
        case .v2:
            interval = UInt16(bytes[start + 5])
            var packed: UInt64 = 0
            for index in (start + expected - authenticationLength)..<(start + expected) { packed = packed << 8 | UInt64(bytes[index]) }
            let data = AuthenticationData(packed: packed)
            switch bytes[start + 4] {
            case 0: authentication = .none
            case 1: authentication = .simplePassword(data)
            case 2: authentication = .ipsecAH(data)
            case let other: throw .unknownAuthenticationType(other)
            }
        case .v3:
            interval = (UInt16(bytes[start + 4]) << 8 | UInt16(bytes[start + 5])) & 0x0FFF
        }

        let computed = checksum(of: bytes, version: version, addressing: addressing, style: style)
        guard computed == 0 else {
            let received = UInt16(bytes[start + 6]) << 8 | UInt16(bytes[start + 7])
            var zeroed = bytes
            zeroed[start + 6] = 0
            zeroed[start + 7] = 0
            throw .checksumMismatch(
                received: received,
                computed: checksum(of: zeroed, version: version, addressing: addressing, style: style)
            )
        }

        var addresses: [IPAddress] = []
        addresses.reserveCapacity(count)
        var offset = start + headerLength
        for _ in 0..<count {
            switch family {
            case .ipv4:
                let value = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
                    | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
                addresses.append(.v4(value))
                offset += 4
            case .ipv6:
                var high: UInt64 = 0
                var low: UInt64 = 0
                for index in 0..<8 {
                    high = high << 8 | UInt64(bytes[offset + index])
                    low = low << 8 | UInt64(bytes[offset + 8 + index])
                }
                addresses.append(.v6(high, low))
                offset += 16
            }
        }
        return VRRPAdvertisement(
            version: version,
            virtualRouterID: bytes[start + 1],
            priority: bytes[start + 2],
            advertisementInterval: interval,
            addresses: addresses,
            authentication: authentication
        )
    }

    /// Header + addresses (+ v2 authentication data).
    public static func expectedLength(version: VRRPVersion, family: AddressFamily, count: Int) -> Int {
        headerLength + count * family.addressLength + (version == .v2 ? authenticationLength : 0)
    }

    /// The checksum over `packet` (with whatever its checksum field holds): the field value to send
    /// when the field is zero, and 0 when verifying a correct packet.
    static func checksum(
        of packet: ArraySlice<UInt8>,
        version: VRRPVersion,
        addressing: PacketAddressing,
        style: ChecksumStyle
    ) -> UInt16 {
        var sum = InternetChecksum()
        if version == .v3 {
            switch addressing.family {
            case .ipv4 where style == .standard:
                sum.add(addressing.source)
                sum.add(addressing.destination)
                sum.add(word: UInt16(vrrpProtocolNumber))
                sum.add(word: UInt16(truncatingIfNeeded: packet.count))
            case .ipv4:
                break
            case .ipv6:
                sum.add(addressing.source)
                sum.add(addressing.destination)
                sum.add(word: UInt16(truncatingIfNeeded: packet.count >> 16))
                sum.add(word: UInt16(truncatingIfNeeded: packet.count))
                sum.add(word: UInt16(vrrpProtocolNumber))
            }
        }
        sum.add(packet)
        return sum.value
    }
}
