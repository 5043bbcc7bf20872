/// IPv4 or IPv6.
public enum AddressFamily: Hashable, Sendable {
    case ipv4
    case ipv6

    /// Bytes one address takes on the wire (in an advertisement, an IP header): 4 or 16.
    public var addressLength: Int { self == .ipv4 ? 4 : 16 }
}

/// What the VRRP engine needs: the family, the bytes on the wire, address classes, literals and
/// the VRRP multicast groups.
extension IPAddress {
    public var family: AddressFamily { isIPv6 ? .ipv6 : .ipv4 }

    /// `a.b.c.d` from its four bytes.
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        self = .v4(UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d))
    }

    /// The address whose network-order bytes these are: 4 for IPv4, 16 for IPv6, nil for any other count.
    public init?(bytes: some Collection<UInt8>) {
        switch bytes.count {
        case 4:
            var value: UInt32 = 0
            for byte in bytes { value = value << 8 | UInt32(byte) }
            self = .v4(value)
        case 16:
            var high: UInt64 = 0
            var low: UInt64 = 0
            for (index, byte) in bytes.enumerated() {
                if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
            }
            self = .v6(high, low)
        default:
            return nil
        }
    }

    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    public var bytes: [UInt8] {
        switch self {
        case .v4(let value):
            return [
                UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
            ]
        case .v6(let high, let low):
            return [UInt8](unsafeUninitializedCapacity: 16) { buffer, count in
                for index in 0..<8 {
                    let shift = UInt64(56 - 8 * index)
                    buffer[index] = UInt8(truncatingIfNeeded: high >> shift)
                    buffer[8 + index] = UInt8(truncatingIfNeeded: low >> shift)
                }
                count = 16
            }
        }
    }

    /// 224.0.0.0/4 or ff00::/8.
    public var isMulticast: Bool {
        switch self {
        case .v4(let value): value >> 28 == 0xE
        case .v6(let high, _): high >> 56 == 0xFF
        }
    }

    /// 169.254.0.0/16 or fe80::/10.
    public var isLinkLocal: Bool {
        switch self {
        case .v4(let value): value >> 16 == 0xA9FE
        case .v6(let high, _): high >> 54 == 0x3FA
        }
    }

    /// 0.0.0.0 or `::`.
    public var isUnspecified: Bool {
        switch self {
        case .v4(let value): value == 0
        case .v6(let high, let low): high == 0 && low == 0
        }
    }

    /// 224.0.0.18 and ff02::12, the groups VRRP advertisements go to by default.
    public static let vrrpMulticastIPv4: IPAddress = .v4(0xE000_0012)
    public static let vrrpMulticastIPv6: IPAddress = .v6(0xFF02_0000_0000_0000, 0x12)

    public static func vrrpMulticastGroup(for family: AddressFamily) -> IPAddress {
        family == .ipv4 ? vrrpMulticastIPv4 : vrrpMulticastIPv6
    }
}

/// For literals in tests and tables; a malformed literal is a programming error.
///
/// Note that with this conformance `IPAddress("192.0.2.1")` with a literal argument is the literal
/// itself (not optional, a trap when malformed); parse text that is not a literal with
/// `IPAddress(text)` on a `String` or `Substring` value, which returns nil when it is not an address.
extension IPAddress: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let address = IPAddress(value as String) else { preconditionFailure("not an IP address: \(value)") }
        self = address
    }
}
