import KAAddress

/// The header of a `virtual_server` or `real_server` block as keepalived 2.2.7's alloc_vs() and
/// alloc_rs() read it (check_data.c, through inet_stosockaddr() in lib/utils.c). A header they
/// cannot read makes them report it ("Invalid virtual server IP address/port ... - skipping") and
/// skip the whole block, so nothing inside it is read, checked or reported.
public enum ServerHeader {
    /// Whether keepalived skips the block opened by `words` (the keyword first).
    public static func keepalivedSkips(_ words: some RandomAccessCollection<String>) -> Bool {
        let words = Array(words)
        guard words.count >= 2 else { return false }
        let first = words[1]
        let second = words.count >= 3 ? words[2] : nil
        if words[0] == "virtual_server" {
            if first == "group" { return false }
            if first == "fwmark" {
                // read_unsigned(param2, 0, IPVS_FWMARK_MAX): a missing number is the missing
                // parameter check's business.
                guard let second else { return false }
                return !isDecimal(second, in: 0...UInt64(UInt32.max))
            }
        }
        return address(first, port: second) == nil
    }

    /// inet_stosockaddr(ip, port): the address (IPv6 when the text has a ':'), read up to its first
    /// '-' (a range) or else its first '/' (a mask), and the port, which must be a number in
    /// 1-65535 unless it is all zeros (no port). Nil when keepalived rejects either.
    public static func address(_ text: String, port: String?) -> IPAddress? {
        if let port, !isPort(port) { return nil }
        let cut = text.firstIndex(of: "-") ?? text.firstIndex(of: "/") ?? text.endIndex
        guard let address = IPAddress(String(text[..<cut])) else { return nil }
        // inet_pton is asked for the family the ':' chose.
        return address.isIPv6 == text.contains(":") ? address : nil
    }

    /// A port word alloc_vs/alloc_rs accept: all zeros (no port) or a number in 1-65535.
    public static func isPort(_ text: String) -> Bool {
        !text.contains { $0 != "0" } || isDecimal(text, in: 1...65535)
    }

    /// read_unsigned() as `keepalived -t` applies it: leading blanks (a quoted word may have them),
    /// an optional '+', then decimal digits only, within `range`.
    public static func isDecimal(_ text: String, in range: ClosedRange<UInt64>) -> Bool {
        var digits = Substring(text).drop { $0 == " " || $0 == "\t" }
        if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        // Longer than any range here: out of range (UInt64 would overflow).
        guard let value = UInt64(digits) else { return false }
        return range.contains(value)
    }
}
