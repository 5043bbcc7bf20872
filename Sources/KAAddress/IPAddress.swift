/// An IPv4 or IPv6 address, parsed the way `inet_pton` does (no Foundation networking), printed
/// in canonical form (dotted quad; RFC 5952 for IPv6).
///
/// The one address type of the package: KAConfig's model and KAVRRP's engine both use it.
/// Numbers are in host order: `.v4` holds the 32-bit address, `.v6` its high and low 64 bits,
/// so numeric order is byte order on the wire (and `<` the order keepalived compares in).
public enum IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible, Encodable {
    case v4(UInt32)
    case v6(UInt64, UInt64)

    public var isIPv6: Bool {
        if case .v6 = self { return true }
        return false
    }

    /// Address length in bits: 32 or 128.
    public var bitCount: Int { isIPv6 ? 128 : 32 }

    public init?(_ text: some StringProtocol) {
        self.init(String(text))
    }

    /// The same for a `String` (what callers nearly always have): the generic form, compiled
    /// once for every `StringProtocol`, reads its argument through witness tables.
    public init?(_ text: String) {
        // The bytes in place: copying them into an array cost an allocation per address.
        var string = text
        guard let address = string.withUTF8({ IPAddress(utf8: $0) }) else { return nil }
        self = address
    }

    /// The address written in `bytes` (UTF-8 text), nil unless `inet_pton` would accept it.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if let value = IPAddress.parseIPv4(bytes) {
            self = .v4(value)
        } else if let (high, low) = IPAddress.parseIPv6(Array(bytes)) {
            self = .v6(high, low)
        } else {
            return nil
        }
    }

    /// Dotted quad like `inet_pton(AF_INET)`: exactly four decimal parts 0...255, no leading zeros.
    package static func parseIPv4(_ bytes: some Collection<UInt8>) -> UInt32? {
        var result: UInt32 = 0
        var part: UInt32 = 0
        var digits = 0
        var parts = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                if digits > 0 && part == 0 { return nil }
                part = part * 10 + UInt32(byte - 0x30)
                digits += 1
                if part > 255 { return nil }
            } else if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return nil }
                result = result << 8 | part
                parts += 1
                part = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, parts == 3 else { return nil }
        return result << 8 | part
    }

    /// RFC 4291 text: groups of 1-4 hex digits, one `::`, optional trailing dotted quad.
    package static func parseIPv6(_ bytes: [UInt8]) -> (UInt64, UInt64)? {
        guard bytes.count >= 2, bytes.count <= 45 else { return nil }
        var groups: [UInt16] = []
        var gapIndex: Int?
        var index = 0
        if bytes.starts(with: [0x3A, 0x3A]) {
            gapIndex = 0
            index = 2
            if index == bytes.count { return (0, 0) }
        } else if bytes[0] == 0x3A {
            return nil
        }
        while index < bytes.count {
            // One group, or a trailing IPv4 part.
            var end = index
            var value: UInt32 = 0
            while end < bytes.count, let digit = hexValue(bytes[end]) {
                value = value << 4 | UInt32(digit)
                end += 1
                if end - index > 4 { break }
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
                guard let v4 = parseIPv4(bytes[index...]), groups.count <= 6 else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
                index = bytes.count
                break
            }
            let length = end - index
            guard length >= 1, length <= 4 else { return nil }
            groups.append(UInt16(value))
            index = end
            if index == bytes.count { break }
            guard bytes[index] == 0x3A else { return nil }
            index += 1
            if index < bytes.count, bytes[index] == 0x3A {
                guard gapIndex == nil else { return nil }
                gapIndex = groups.count
                index += 1
                if index == bytes.count { break }
            } else if index == bytes.count {
                return nil
            }
        }
        if let gap = gapIndex {
            guard groups.count <= 7 else { return nil }
            groups.insert(contentsOf: [UInt16](repeating: 0, count: 8 - groups.count), at: gap)
        }
        guard groups.count == 8 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for group in groups[0..<4] { high = high << 16 | UInt64(group) }
        for group in groups[4..<8] { low = low << 16 | UInt64(group) }
        return (high, low)
    }

    package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// The eight 16-bit groups of an IPv6 address; empty for IPv4.
    public var groups: [UInt16] {
        guard case .v6(let high, let low) = self else { return [] }
        return (0..<4).map { UInt16(truncatingIfNeeded: high >> (48 - 16 * $0)) }
            + (0..<4).map { UInt16(truncatingIfNeeded: low >> (48 - 16 * $0)) }
    }

    public var description: String {
        switch self {
        case .v4(let value):
            return IPAddress.dottedQuad(value)
        case .v6(let high, let low):
            // IPv4-mapped addresses keep the dotted quad (RFC 5952 section 5).
            if high == 0, low >> 32 == 0xFFFF {
                return "::ffff:" + IPAddress.dottedQuad(UInt32(truncatingIfNeeded: low))
            }
            return IPAddress.rfc5952(groups)
        }
    }

    package static func dottedQuad(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// Lower case, no leading zeros, the longest run (first on ties) of two or more zero groups as `::`.
    package static func rfc5952(_ groups: [UInt16]) -> String {
        var bestStart = -1
        var bestLength = 1
        var runStart = -1
        for index in 0...groups.count {
            if index < groups.count, groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength {
                    bestStart = runStart
                    bestLength = index - runStart
                }
                runStart = -1
            }
        }
        func hex(_ slice: ArraySlice<UInt16>) -> String {
            slice.map { String($0, radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return hex(groups[...]) }
        return hex(groups[0..<bestStart]) + "::" + hex(groups[(bestStart + bestLength)...])
    }

    /// Addresses of one family compare numerically; IPv4 sorts before IPv6.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case (.v4(let a), .v4(let b)): return a < b
        case (.v4, .v6): return true
        case (.v6, .v4): return false
        case (.v6(let ah, let al), .v6(let bh, let bl)): return (ah, al) < (bh, bl)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An address with a prefix length (`192.0.2.1/24`); the prefix is the full length when not written.
public struct IPPrefix: Sendable, Hashable, CustomStringConvertible, Encodable {
    public var address: IPAddress
    /// The length in one byte (0...128 is all a prefix needs): a prefix is 18 bytes, not 32, and
    /// so is every typed argument value of a bound statement (a large file has 100,000s).
    private var storedLength: UInt8

    /// 0...32 (IPv4) or 0...128 (IPv6) when parsed; clamped to 0...255 when set.
    public var length: Int {
        get { Int(storedLength) }
        set { storedLength = UInt8(clamping: newValue) }
    }

    public init(address: IPAddress, length: Int) {
        self.address = address
        self.storedLength = UInt8(clamping: length)
    }

    /// `ADDR` or `ADDR/LEN` with LEN a decimal 0...32 (IPv4) or 0...128 (IPv6).
    public init?(_ text: some StringProtocol) {
        self.init(String(text))
    }

    /// The same for a `String` (see `IPAddress.init(_:)`).
    public init?(_ text: String) {
        // On the UTF-8 bytes in place: searching a String for a Character costs thousands of
        // instructions, and copying the bytes into an array an allocation.
        var string = text
        guard let prefix = string.withUTF8({ IPPrefix(utf8: $0) }) else { return nil }
        self = prefix
    }

    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            guard let address = IPAddress(utf8: bytes) else { return nil }
            self.init(address: address, length: address.bitCount)
            return
        }
        guard let address = IPAddress(utf8: UnsafeBufferPointer(rebasing: bytes[..<slash])) else { return nil }
        let digits = bytes[(slash + 1)...]
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let length = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard length <= address.bitCount else { return nil }
        self.init(address: address, length: length)
    }

    public var description: String { "\(address)/\(length)" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
