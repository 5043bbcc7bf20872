#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNetlink
import KAVRRP

// MARK: Values read from the kernel

/// One network interface as RTM_NEWLINK describes it.
public struct LinkInfo: Sendable, Hashable {
    public var index: Int32
    public var name: String
    /// IFLA_ADDRESS (6 bytes for Ethernet; empty for loopback-like devices without one).
    public var mac: [UInt8]
    /// IFF_UP: administratively up.
    public var isUp: Bool
    /// IFF_RUNNING (operstate up): what keepalived's IF_ISUP tests together with IFF_UP.
    public var hasCarrier: Bool
    /// IFF_LOWER_UP: the physical layer reports carrier.
    public var isLowerUp: Bool
    public var isNoARP: Bool
    public var mtu: Int
    /// IFLA_GROUP.
    public var group: UInt32
    /// IFLA_INFO_KIND ("macvlan", "veth", "bridge", ...); nil for plain devices.
    public var kind: String?
    /// IFLA_LINK when it names another device (a macvlan's parent, a veth's peer); nil otherwise.
    public var parentIndex: Int32?
    /// IFLA_MACVLAN_MODE for macvlan devices (MACVLAN_MODE_PRIVATE = 1).
    public var macvlanMode: UInt32?
    /// The raw IFF_* flags.
    public var flags: UInt32

    /// Up and running: the state VRRP tracks.
    public var isOperational: Bool { isUp && hasCarrier }
}

/// One address of an interface as RTM_NEWADDR describes it.
public struct InterfaceAddress: Sendable, Hashable {
    public var ifindex: Int32
    public var address: IPAddress
    public var prefixLength: Int
    /// RT_SCOPE_* (0 global, 200 site, 253 link, 254 host).
    public var scope: UInt8
    /// IFA_F_* flags (IFA_FLAGS when the kernel sends it, else ifa_flags).
    public var flags: UInt32
    public var label: String?

    public var isSecondary: Bool { flags & IFAFlag.secondary != 0 }
    public var isTentative: Bool { flags & IFAFlag.tentative != 0 }
    public var isDADFailed: Bool { flags & IFAFlag.dadFailed != 0 }
    public var isPermanent: Bool { flags & IFAFlag.permanent != 0 }
    public var isDeprecated: Bool { flags & IFAFlag.deprecated != 0 }
    public var isIPv6LinkLocal: Bool {
        let bytes = address.bytes
        return bytes.count == 16 && bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80
    }
}

/// IFA_F_* values (linux/if_addr.h), spelled once.
public enum IFAFlag {
    public static let secondary: UInt32 = 0x01
    public static let noDAD: UInt32 = 0x02
    public static let optimistic: UInt32 = 0x04
    public static let dadFailed: UInt32 = 0x08
    public static let homeAddress: UInt32 = 0x10
    public static let deprecated: UInt32 = 0x20
    public static let tentative: UInt32 = 0x40
    public static let permanent: UInt32 = 0x80
    public static let manageTempAddress: UInt32 = 0x100
    public static let noPrefixRoute: UInt32 = 0x200
    public static let multicastAutoJoin: UInt32 = 0x400
}

/// IFF_* values (linux/if.h) used here.
enum IFFlag {
    static let up: UInt32 = 0x1
    static let running: UInt32 = 0x40
    static let noARP: UInt32 = 0x80
    static let lowerUp: UInt32 = 0x10000
}

/// What the monitor socket reports.
public enum NetlinkEvent: Sendable, Hashable {
    case linkChanged(LinkInfo)
    case linkRemoved(index: Int32, name: String)
    case addressAdded(InterfaceAddress)
    case addressRemoved(InterfaceAddress)
    /// The socket overran (ENOBUFS): notifications were lost, re-read links and addresses.
    case resynchronize
}

// MARK: Errors

/// A libnl call that failed: `code` is the positive NLE_* value (libnl maps the kernel's errno:
/// EEXIST → NLE_EXIST, EADDRNOTAVAIL → NLE_NOADDR, ENOENT/ESRCH → NLE_OBJ_NOTFOUND, ENODEV → NLE_NODEV, ...).
public struct NetlinkError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var code: Int32

    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = abs(code)
    }

    public var description: String { "\(operation): \(String(cString: nl_geterror(code))) (libnl error \(code))" }

    public var isExists: Bool { code == NLE_EXIST }
    public var isNotFound: Bool { code == NLE_OBJ_NOTFOUND || code == NLE_NOADDR || code == NLE_NODEV }
}

/// A route, rule or address entry karun cannot install as written.
public struct NetlinkEntryError: Error, CustomStringConvertible, Sendable {
    public var entry: String
    public var problem: String
    /// The words that were not understood (empty when a value was wrong instead).
    public var unsupportedWords: [String]

    public init(entry: String, problem: String, unsupportedWords: [String] = []) {
        self.entry = entry
        self.problem = problem
        self.unsupportedWords = unsupportedWords
    }

    public var description: String { "'\(entry)': \(problem)" }
}

// MARK: nl_addr conversion

enum NetlinkAddress {
    /// An nl_addr's bytes as an IP address (nil for other families or lengths).
    static func ipAddress(_ address: OpaquePointer?) -> IPAddress? {
        guard let address, let data = nl_addr_get_binary_addr(address) else { return nil }
        let bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(nl_addr_get_len(address))))
        return ipAddress(bytes: bytes)
    }

    static func bytes(_ address: OpaquePointer?) -> [UInt8] {
        guard let address, let data = nl_addr_get_binary_addr(address) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(nl_addr_get_len(address))))
    }

    /// IPAddress from 4 or 16 bytes, through its text form (the only constructor both address
    /// types share).
    static func ipAddress(bytes: [UInt8]) -> IPAddress? {
        switch bytes.count {
        case 4:
            return IPAddress(bytes.map(String.init).joined(separator: "."))
        case 16:
            let groups = stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            return IPAddress(groups.joined(separator: ":"))
        default:
            return nil
        }
    }

    static func family(_ address: IPAddress) -> Int32 { address.family == .ipv4 ? AF_INET : AF_INET6 }

    /// A new nl_addr (the caller puts it) with the given prefix length (the full length when nil).
    static func make(_ address: IPAddress, prefixLength: Int? = nil) throws -> OpaquePointer {
        let bytes = address.bytes
        guard let result = bytes.withUnsafeBytes({ nl_addr_build(family(address), $0.baseAddress, $0.count) }) else {
            throw NetlinkError("nl_addr_build \(address)", code: NLE_NOMEM)
        }
        nl_addr_set_prefixlen(result, Int32(prefixLength ?? bytes.count * 8))
        return result
    }

    /// The all-zero address of a family with prefix length 0 (`default`).
    static func makeAny(family: Int32) throws -> OpaquePointer {
        let bytes = [UInt8](repeating: 0, count: family == AF_INET ? 4 : 16)
        guard let result = bytes.withUnsafeBytes({ nl_addr_build(family, $0.baseAddress, $0.count) }) else {
            throw NetlinkError("nl_addr_build", code: NLE_NOMEM)
        }
        nl_addr_set_prefixlen(result, 0)
        return result
    }

    static func makeMAC(_ mac: [UInt8]) throws -> OpaquePointer {
        guard let result = mac.withUnsafeBytes({ nl_addr_build(AF_LLC, $0.baseAddress, $0.count) }) else {
            throw NetlinkError("nl_addr_build (MAC)", code: NLE_NOMEM)
        }
        return result
    }
}

/// Parses `ADDR[/LEN]` into an address and a prefix length (the full length when absent).
func parsePrefix(_ text: String) -> (address: IPAddress, length: Int)? {
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard let address = IPAddress(String(parts[0])) else { return nil }
    let full = address.family == .ipv4 ? 32 : 128
    guard parts.count == 2 else { return (address, full) }
    guard let length = Int(parts[1]), (0...full).contains(length) else { return nil }
    return (address, length)
}

/// RT_SCOPE_* from a name (`host`, `link`, `global`/`universe`, `site`, `nowhere`) or a number.
func netlinkScope(named text: String) -> UInt8? {
    switch text {
    case "global", "universe": return 0
    case "site": return 200
    case "link": return 253
    case "host": return 254
    case "nowhere": return 255
    default: return UInt8(text)
    }
}
