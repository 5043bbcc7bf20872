import KAConfig

/// An IPv4 or IPv6 address held as a 128-bit number (`high`, `low`), so prefixes and ranges of
/// either family compare the same way. IPv4 lives in the low 32 bits.
struct FirewallAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    var family: VRRPTrafficNeed.Family
    var high: UInt64
    var low: UInt64

    static func < (a: FirewallAddress, b: FirewallAddress) -> Bool {
        (a.high, a.low) < (b.high, b.low)
    }

    /// Parses `192.0.2.1`, `2001:db8::1`, `::ffff:192.0.2.1` and `fe80::1%eth0` (the zone is dropped).
    /// Byte-level, since large dumps hold one or more addresses per rule.
    static func parse<S: StringProtocol>(_ text: S) -> FirewallAddress? {
        var bytes = Array(text.utf8)[...]
        if let percent = bytes.firstIndex(of: UInt8(ascii: "%")) { bytes = bytes[..<percent] }
        return parse(bytes: bytes)
    }

    static func parse(bytes: ArraySlice<UInt8>) -> FirewallAddress? {
        if bytes.contains(UInt8(ascii: ":")) { return parseIPv6(bytes) }
        guard let v4 = parseIPv4(bytes) else { return nil }
        return FirewallAddress(family: .ipv4, high: 0, low: UInt64(v4))
    }

    private static func parseIPv4(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, octet <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        return value << 8 | octet
    }

    private static func parseIPv6(_ bytes: ArraySlice<UInt8>) -> FirewallAddress? {
        // Split at the one `::` allowed; each side is a list of groups.
        var head = bytes
        var tail: ArraySlice<UInt8>?
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: ":") {
                head = bytes[bytes.startIndex..<index]
                tail = bytes[(index + 2)...]
                break
            }
            index += 1
        }
        guard let headGroups = groups(of: head) else { return nil }
        var all = headGroups
        if let tail {
            guard let tailGroups = groups(of: tail), headGroups.count + tailGroups.count <= 7 else { return nil }
            all += Array(repeating: 0, count: 8 - headGroups.count - tailGroups.count) + tailGroups
        }
        guard all.count == 8 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for group in all[0..<4] { high = high << 16 | UInt64(group) }
        for group in all[4..<8] { low = low << 16 | UInt64(group) }
        return FirewallAddress(family: .ipv6, high: high, low: low)
    }

    /// The 16-bit groups of one side of `::`; a trailing dotted quad counts as two groups.
    private static func groups(of side: ArraySlice<UInt8>) -> [UInt16]? {
        if side.isEmpty { return [] }
        var result: [UInt16] = []
        let pieces = side.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if index == pieces.count - 1, piece.contains(UInt8(ascii: ".")) {
                guard let v4 = parseIPv4(piece) else { return nil }
                result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                continue
            }
            guard (1...4).contains(piece.count) else { return nil }
            var group: UInt16 = 0
            for byte in piece {
                guard let digit = hexValue(byte) else { return nil }
                group = group << 4 | digit
            }
            result.append(group)
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt16(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    var isMulticast: Bool {
        switch family {
        case .ipv4: return low >> 28 == 0xE
        case .ipv6: return high >> 56 == 0xFF
        }
    }

    /// Dotted quad, or RFC 5952 text for IPv6 (lower case, longest zero run as `::`).
    var description: String {
        switch family {
        case .ipv4:
            return (0..<4).map { String((low >> (24 - 8 * UInt64($0))) & 0xFF) }.joined(separator: ".")
        case .ipv6:
            let groups = (0..<8).map { index -> UInt16 in
                let word = index < 4 ? high : low
                return UInt16((word >> (48 - 16 * UInt64(index % 4))) & 0xFFFF)
            }
            return Self.format(groups)
        }
    }

    private static func format(_ groups: [UInt16]) -> String {
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > bestLength { bestStart = index; bestLength = end - index }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}

/// An inclusive range of addresses of one family: a single address, a prefix or `a-b`.
struct FirewallAddressRange: Hashable, Sendable {
    var first: FirewallAddress
    var last: FirewallAddress

    var family: VRRPTrafficNeed.Family { first.family }

    func contains(_ address: FirewallAddress) -> Bool {
        address.family == family && first <= address && address <= last
    }

    func contains(_ other: FirewallAddressRange) -> Bool {
        other.family == family && first <= other.first && other.last <= last
    }

    func overlaps(_ other: FirewallAddressRange) -> Bool {
        other.family == family && first <= other.last && other.first <= last
    }

    /// Parses `addr`, `addr/len`, `addr/dotted.mask` (iptables) and `a-b` (nftables).
    static func parse<S: StringProtocol>(_ text: S) -> FirewallAddressRange? {
        let bytes = Array(text.utf8)[...]
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) {
            guard let first = FirewallAddress.parse(bytes: bytes[..<dash]),
                let last = FirewallAddress.parse(bytes: bytes[(dash + 1)...]),
                first.family == last.family, first <= last
            else { return nil }
            return FirewallAddressRange(first: first, last: last)
        }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            guard let address = FirewallAddress.parse(bytes: bytes) else { return nil }
            return FirewallAddressRange(first: address, last: address)
        }
        guard let address = FirewallAddress.parse(bytes: bytes[..<slash]) else { return nil }
        let maskBytes = bytes[(slash + 1)...]
        let width = address.family == .ipv4 ? 32 : 128
        let length: Int
        if let number = Int(String(decoding: maskBytes, as: UTF8.self)), (0...width).contains(number) {
            length = number
        } else if address.family == .ipv4, let mask = FirewallAddress.parse(bytes: maskBytes), mask.family == .ipv4,
            let contiguous = Self.prefixLength(ofMask: UInt32(mask.low))
        {
            length = contiguous
        } else {
            return nil
        }
        return prefix(address, length: length)
    }

    static func prefix(_ address: FirewallAddress, length: Int) -> FirewallAddressRange {
        // Host bits counted over the 128-bit value; IPv4 only uses the low 32.
        let hostBits = (address.family == .ipv4 ? 32 : 128) - length
        let (maskHigh, maskLow) = Self.hostMask(bits: hostBits)
        var first = address
        var last = address
        first.high &= ~maskHigh
        first.low &= ~maskLow
        last.high |= maskHigh
        last.low |= maskLow
        return FirewallAddressRange(first: first, last: last)
    }

    private static func hostMask(bits: Int) -> (UInt64, UInt64) {
        switch bits {
        case ..<1: return (0, 0)
        case 1..<64: return (0, (UInt64(1) << UInt64(bits)) - 1)
        case 64: return (0, .max)
        case 65..<128: return ((UInt64(1) << UInt64(bits - 64)) - 1, .max)
        default: return (.max, .max)
        }
    }

    private static func prefixLength(ofMask mask: UInt32) -> Int? {
        let length = mask.leadingNonzeroBitCount
        let rebuilt: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
        return rebuilt == mask ? length : nil
    }

    var description: String {
        if first == last { return first.description }
        let width = family == .ipv4 ? 32 : 128
        for length in 0...width where Self.prefix(first, length: length) == self {
            return "\(first)/\(length)"
        }
        return "\(first)-\(last)"
    }
}

private extension UInt32 {
    var leadingNonzeroBitCount: Int { (~self).leadingZeroBitCount }
}
