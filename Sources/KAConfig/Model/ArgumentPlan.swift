/// How the argument checker reads one argument type: `ValueType` compiled once per schema row,
/// with no references in it (an enumeration's choices stay in the row's spec) and a decimal's
/// scale worked out. The checker reads one per argument word; copying a `ValueType` or an
/// `ArgumentSpec` there cost a retain and a release each.
enum ArgumentPlan: Sendable {
    case unsigned(ClosedRange<Int>)
    case integer(ClosedRange<Int>)
    /// The value times `scale` (10^places) must lie in `range`.
    case decimal(range: ClosedRange<Int>, places: Int, scale: Int)
    case bool
    /// The choices are `arguments[index].type`'s.
    case enumeration
    case ipv4
    case ipv6
    case ipAddress
    case ipPrefix
    /// Taken as it is (hosts, interface names, paths, MACs, ports, references, strings).
    case word

    init(_ type: ValueType) {
        switch type {
        case .unsigned(let range): self = .unsigned(range)
        case .integer(let range): self = .integer(range)
        case .decimal(let minimum, let maximum, let places):
            var scale = 1
            for _ in 0..<min(places, 18) { scale *= 10 }
            let low = ArgumentChecker.clamped(minimum * Double(scale))
            self = .decimal(
                range: low...max(low, ArgumentChecker.clamped(maximum * Double(scale))), places: places, scale: scale)
        case .bool: self = .bool
        case .enumeration: self = .enumeration
        case .ipv4: self = .ipv4
        case .ipv6: self = .ipv6
        case .ipAddress: self = .ipAddress
        case .ipPrefix: self = .ipPrefix
        case .host, .interfaceName, .path, .mac, .port, .reference, .string: self = .word
        }
    }
}

extension ArgumentPlan {
    var isIPAddress: Bool {
        if case .ipAddress = self { return true }
        return false
    }

    /// A word plan: any word is its value, as written.
    var takesAnyWord: Bool {
        if case .word = self { return true }
        return false
    }
}
