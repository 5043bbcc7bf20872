/// Every way bytes can fail to be a VRRP advertisement, or an advertisement fail to be encodable.
///
/// These are wire-level problems found without knowing the receiving instance; checks against an
/// instance's configuration (TTL, VRID, authentication, address list) are `AdvertisementRejection`s.
public enum VRRPPacketError: Error, Hashable, Sendable {
    /// Fewer bytes than the fixed part of the packet (header, plus v2's authentication data).
    case truncated(length: Int, minimum: Int)
    /// High nibble of byte 0 is neither 2 nor 3.
    case unsupportedVersion(UInt8)
    /// Low nibble of byte 0 is not 1 (ADVERTISEMENT).
    case unsupportedType(UInt8)
    /// The count in byte 3 does not match the length of the packet.
    case addressCountMismatch(count: Int, length: Int, expectedLength: Int)
    /// The checksum field does not match the computed one.
    case checksumMismatch(received: UInt16, computed: UInt16)
    /// VRRPv2 with IPv6 source/destination (RFC 3768 is IPv4 only).
    case versionFamilyMismatch(version: VRRPVersion, family: AddressFamily)
    /// A v2 authentication type other than 0, 1 or 2.
    case unknownAuthenticationType(UInt8)

    // Encoding only.
    /// More than 255 addresses: the count is 8 bits.
    case tooManyAddresses(Int)
    /// An address of the other family than the packet's source and destination.
    case addressFamilyMismatch(IPAddress)
    /// Source and destination of different families.
    case mixedPseudoHeaderFamilies
    /// An interval that does not fit the field (v2: 8 bits, v3: 12 bits).
    case intervalOutOfRange(UInt16)
    /// v3 with authentication (RFC 5798 removed it).
    case authenticationNotAllowed

    // IP envelope (whole packets as raw sockets and captures deliver them).
    /// Fewer bytes than an IP header, or an IPv4 IHL below 5 / beyond the data.
    case truncatedIPHeader(length: Int)
    /// The IP version nibble is neither 4 nor 6.
    case unsupportedIPVersion(UInt8)
    /// The IP protocol / next header is not 112 (VRRP).
    case notVRRP(protocolNumber: UInt8)
    /// IPv4 total length or IPv6 payload length disagrees with the bytes received.
    case ipLengthMismatch(declared: Int, received: Int)
    /// IPv4 header checksum is wrong.
    case ipHeaderChecksumMismatch
    /// A fragment (VRRP packets are never fragmented).
    case fragmented
}
