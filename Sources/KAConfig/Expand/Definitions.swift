/// keepalived's parameter table: `$NAME=value` definitions, `~SEQ`/`~LST` loop variables and the
/// built-ins `_PWD`, `_INSTANCE`, `_RANDOM`, `_HASH`, `_BANG` (2.2.7 has no `_ENV`).
struct Definition {
    enum Builtin {
        case workingDirectory
        case instance
        case random
    }

    var value: [UInt8]
    var isMultiline: Bool
    var builtin: Builtin?
    /// Only `_RANDOM` takes parameters (up to 2); the count survives an override, as in keepalived.
    var maxParameters: Int
}

/// A `$NAME`, `${NAME}` or `${NAME params}` reference found in a line.
struct ParameterReference {
    var name: [UInt8]
    var usesBraces: Bool
    /// Byte range of the digits-and-spaces parameters inside `${NAME params}`.
    var parameters: Range<Int>?
}

struct DefinitionTable {
    private(set) var definitions: [[UInt8]: Definition] = [:]

    init() {
        definitions[Array("_PWD".utf8)] = Definition(value: [], isMultiline: false, builtin: .workingDirectory, maxParameters: 0)
        definitions[Array("_INSTANCE".utf8)] = Definition(value: [], isMultiline: false, builtin: .instance, maxParameters: 0)
        definitions[Array("_RANDOM".utf8)] = Definition(value: [], isMultiline: false, builtin: .random, maxParameters: 2)
        definitions[Array("_HASH".utf8)] = Definition(value: [UInt8(ascii: "#")], isMultiline: false, builtin: nil, maxParameters: 0)
        definitions[Array("_BANG".utf8)] = Definition(value: [UInt8(ascii: "!")], isMultiline: false, builtin: nil, maxParameters: 0)
    }

    subscript(name: [UInt8]) -> Definition? {
        get { definitions[name] }
        set { definitions[name] = newValue }
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) }

    /// `set_definition`: a loop variable's value. Keeps a multi-line flag, drops a built-in.
    mutating func set(_ name: [UInt8], _ value: [UInt8]) {
        if var existing = definitions[name] {
            existing.value = value
            existing.builtin = nil
            definitions[name] = existing
        } else {
            definitions[name] = Definition(value: value, isMultiline: false, builtin: nil, maxParameters: 0)
        }
    }

    /// `find_definition` for a reference whose `$` is at `dollar`: the reference when it names a
    /// definition usable there (a multi-line one only at the end of the line).
    func reference(in bytes: [UInt8], dollar: Int) -> (ParameterReference, Definition)? {
        var cursor = dollar + 1
        guard cursor < bytes.count else { return nil }
        let usesBraces = bytes[cursor] == UInt8(ascii: "{")
        if usesBraces { cursor += 1 }
        guard cursor < bytes.count, Self.isNameStart(bytes[cursor]) else { return nil }
        let nameStart = cursor
        while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
        let name = Array(bytes[nameStart..<cursor])
        var parameters: Range<Int>?
        if usesBraces {
            var firstDigit: Int?
            var lastDigit = 0
            while cursor < bytes.count, bytes[cursor] == 0x20 || (bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) {
                if bytes[cursor] != 0x20 {
                    if firstDigit == nil { firstDigit = cursor }
                    lastDigit = cursor
                }
                cursor += 1
            }
            if let firstDigit {
                // Parameters may not be followed by a space.
                guard lastDigit + 1 == cursor else { return nil }
                parameters = firstDigit..<(lastDigit + 1)
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
        } else if cursor < bytes.count {
            let next = bytes[cursor]
            guard next == 0x20 || next == 0x09 || next == UInt8(ascii: ",") || next == UInt8(ascii: ")") else { return nil }
        }
        let atLineEnd = usesBraces ? nameStart + name.count + 1 == bytes.count : nameStart + name.count == bytes.count
        guard let definition = definitions[name], atLineEnd || !definition.isMultiline else { return nil }
        if parameters != nil, definition.maxParameters == 0 { return nil }
        return (ParameterReference(name: name, usesBraces: usesBraces, parameters: parameters), definition)
    }
}

/// `${_RANDOM}` as keepalived 2.2.7 computes it, with a deterministic generator (SplitMix64).
struct RandomSource {
    var state: UInt64

    mutating func next31() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return value & 0x7FFF_FFFF  // random() returns 0...2^31-1
    }

    enum Outcome {
        case value([UInt8])
        /// `max - min + 1` is 0: keepalived 2.2.7 divides by zero and dies with SIGFPE.
        case divisionByZero
    }

    /// `min` and `max` from the parameter text (digits and spaces), defaults 0 and 32767. With
    /// `min > max` the modulus wraps and the value is `random() + min`; the text is cut to the
    /// number of digits of `max`, as `get_random`'s buffer does.
    mutating func value(parameters: ArraySlice<UInt8>?) -> Outcome {
        var minimum: UInt64 = 0
        var maximum: UInt64 = 32767
        if let parameters {
            var cursor = parameters.startIndex
            minimum = Self.strtoul(parameters, &cursor)
            // A second number when the first stopped before the last parameter byte; any third is ignored.
            if cursor < parameters.endIndex - 1 { maximum = Self.strtoul(parameters, &cursor) }
        }
        let modulus = maximum &- minimum &+ 1
        if modulus == 0 { return .divisionByZero }
        let draw = next31() % modulus &+ minimum
        let number = Int64(bitPattern: draw)
        var digits = 0
        var probe = Int64(bitPattern: maximum)
        repeat {
            digits += 1
            probe /= 10
        } while probe != 0
        return .value(Array(String(number).utf8.prefix(digits)))
    }

    /// strtoul base 10 over digits and spaces, saturating.
    static func strtoul(_ bytes: ArraySlice<UInt8>, _ cursor: inout Int) -> UInt64 {
        while cursor < bytes.endIndex, bytes[cursor] == 0x20 { cursor += 1 }
        var value: UInt64 = 0
        var overflow = false
        while cursor < bytes.endIndex, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[cursor] - 0x30))
            overflow = overflow || o1 || o2
            value = sum
            cursor += 1
        }
        return overflow ? UInt64.max : value
    }
}
