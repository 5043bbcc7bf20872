/// keepalived's number readers (`read_unsigned`, `read_int`, `read_decimal_unsigned` in
/// lib/parser.c), as pure functions that say what went wrong instead of logging it.
public enum NumberProblem: Error, Sendable, Hashable {
    /// Not a number at all (`abc`, empty).
    case invalid
    /// A number followed by other characters (`1s`); `prefix` is the value of the numeric part.
    case trailingJunk(prefix: Int)
    /// A leading `-` where only unsigned values are accepted.
    case negative
    /// More decimal places than the unit allows (keepalived rounds, but -t rejects).
    case tooManyDecimalPlaces
    /// Outside the accepted range.
    case outOfRange(Int)
}

public enum NumberReader {
    /// `isspace` in the C locale: space, \t \n \v \f \r (a comparison, not a hashed Set lookup).
    package static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// `strtoul(text, base 10)` with keepalived's checks: leading blanks skipped, no sign, no junk.
    public static func unsigned(_ text: String, in range: ClosedRange<Int>) -> Result<Int, NumberProblem> {
        var text = text
        // The bytes in place (no per-byte index arithmetic of String views).
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { return .failure(.negative) }
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") { index += 1 }
            return finish(bytes, from: index, negative: false, range: range)
        }
    }

    /// `strtol(text, base 10)` with keepalived's checks.
    public static func integer(_ text: String, in range: ClosedRange<Int>) -> Result<Int, NumberProblem> {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            return finish(bytes, from: index, negative: negative, range: range)
        }
    }

    private static func finish(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, negative: Bool, range: ClosedRange<Int>)
        -> Result<Int, NumberProblem>
    {
        var value = 0
        var index = start
        var overflow = false
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { break }
            let (product, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = product.addingReportingOverflow(Int(byte - 0x30))
            if o1 || o2 { overflow = true } else { value = sum }
            index += 1
        }
        if negative { value = -value }
        if index == start { return .failure(.invalid) }
        if index < bytes.count { return .failure(.trailingJunk(prefix: value)) }
        if overflow || !range.contains(value) { return .failure(.outOfRange(value)) }
        return .success(value)
    }

    /// `[digits][.digits]` scaled by 10^places (seconds with 6 places -> microseconds).
    public static func decimal(_ text: String, places: Int, in range: ClosedRange<Int>) -> Result<Int, NumberProblem> {
        var text = text
        // The bytes in place: copying them into an array cost an allocation per value.
        return text.withUTF8 { bytes in decimal(bytes, places: places, in: range) }
    }

    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, places: Int, in range: ClosedRange<Int>)
        -> Result<Int, NumberProblem>
    {
        if bytes.first == UInt8(ascii: "-") { return .failure(.negative) }
        var integerPart = 0
        var fraction = 0
        var fractionDigits = 0
        var index = 0
        var digits = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (product, o1) = integerPart.multipliedReportingOverflow(by: 10)
            let (sum, o2) = product.addingReportingOverflow(Int(bytes[index] - 0x30))
            if o1 || o2 { overflow = true } else { integerPart = sum }
            index += 1
            digits += 1
        }
        var tooManyPlaces = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if fractionDigits < places {
                    fraction = fraction * 10 + Int(bytes[index] - 0x30)
                    fractionDigits += 1
                } else {
                    tooManyPlaces = true
                }
                index += 1
                digits += 1
            }
        }
        // More than 18 places cannot be scaled into an Int; keepalived never uses more than 6.
        let places = min(places, 18)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        var fractionScale = 1
        for _ in fractionDigits..<places { fractionScale *= 10 }
        let (scaled, o3) = integerPart.multipliedReportingOverflow(by: scale)
        let value = scaled &+ fraction * fractionScale
        if digits == 0 { return .failure(.invalid) }
        if index < bytes.count { return .failure(.trailingJunk(prefix: value)) }
        if tooManyPlaces { return .failure(.tooManyDecimalPlaces) }
        if overflow || o3 || !range.contains(value) { return .failure(.outOfRange(value)) }
        return .success(value)
    }

    /// `on|yes|true` / `off|no|false`, lower case only (`check_true_false`).
    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "on", "yes", "true": return true
        case "off", "no", "false": return false
        default: return nil
        }
    }
}
