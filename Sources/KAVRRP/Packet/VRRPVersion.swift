/// The protocol version in the high nibble of the first byte.
public enum VRRPVersion: UInt8, Hashable, Sendable, CaseIterable {
    /// RFC 3768: IPv4 only, interval in whole seconds, 8 bytes of authentication data.
    case v2 = 2
    /// RFC 5798: IPv4 and IPv6, 12-bit interval in centiseconds, pseudo-header checksum.
    case v3 = 3
}
