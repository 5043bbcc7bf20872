/// The 8 bytes of authentication data a VRRPv2 advertisement always carries.
public struct AuthenticationData: Hashable, Sendable {
    /// The bytes in wire order, packed big-endian.
    public var packed: UInt64

    public init(packed: UInt64) { self.packed = packed }

    public init(bytes: some Collection<UInt8>) {
        precondition(bytes.count == 8, "authentication data is 8 bytes")
        packed = bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// keepalived's `auth_pass`: the first 8 bytes of the password, zero-padded.
    public init(password: String) {
        let bytes = Array(password.utf8.prefix(8))
        self.init(bytes: bytes + Array(repeating: 0, count: 8 - bytes.count))
    }

    public static let zero = AuthenticationData(packed: 0)

    public var bytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: packed >> UInt64(56 - 8 * $0)) } }
}

/// VRRPv2 authentication (RFC 3768 §5.3.6; RFC 2338 for the deprecated types keepalived still speaks).
public enum VRRPAuthentication: Hashable, Sendable {
    /// Type 0. The data field is sent as zeros and ignored on receipt.
    case none
    /// Type 1 (`auth_type PASS`): a clear-text password of up to 8 bytes.
    case simplePassword(AuthenticationData)
    /// Type 2 (`auth_type AH`): the real check happens in the IPsec AH header; the VRRP data field
    /// is carried as it is.
    case ipsecAH(AuthenticationData)

    public var typeCode: UInt8 {
        switch self {
        case .none: 0
        case .simplePassword: 1
        case .ipsecAH: 2
        }
    }

    public var data: AuthenticationData {
        switch self {
        case .none: .zero
        case .simplePassword(let data), .ipsecAH(let data): data
        }
    }
}
