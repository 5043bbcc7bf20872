/// `~SEQ(var, [start,] [step,] end)`, `~SEQx(...)` and `~LST(...)` as keepalived 2.2.7's
/// `add_seq` and `add_lst` read them: the text after `)` is replayed once per value with the
/// variable(s) defined.
struct Sequence {
    enum Values {
        case numbers(next: Int, step: Int, last: Int, hex: Bool)
        case list(parameters: [[UInt8]], valueSets: [[[UInt8]]], nextSet: Int)
    }

    var variable: [UInt8]
    var values: Values
    /// The line to replay, with the origins of its bytes.
    var text: LineText

    /// The definitions for the next replay, and whether the sequence is then finished.
    mutating func advance() -> (assignments: [([UInt8], [UInt8])], finished: Bool) {
        switch values {
        case .numbers(let next, let step, let last, let hex):
            let rendered = hex ? String(UInt(bitPattern: next), radix: 16) : String(next)
            let (following, overflow) = next.addingReportingOverflow(step)
            values = .numbers(next: following, step: step, last: last, hex: hex)
            let finished = overflow || (step > 0 && following > last) || (step < 0 && following < last)
            return ([(variable, Array(rendered.utf8))], finished)
        case .list(let parameters, let valueSets, let nextSet):
            let set = valueSets[nextSet]
            let assignments = zip(parameters, set).map { ($0, $1) }
            values = .list(parameters: parameters, valueSets: valueSets, nextSet: nextSet + 1)
            return (assignments, nextSet + 1 >= valueSets.count)
        }
    }
}

/// Why a `~SEQ`/`~LST` line was rejected: keepalived's specific message, if it prints one.
struct SequenceError: Error {
    var detail: String?
}

/// A NUL-terminated view of a line, the way the C code walks it.
struct CText {
    let bytes: [UInt8]

    @inline(__always)
    subscript(index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

    func skipping(_ index: Int, _ set: [UInt8]) -> Int {
        var cursor = index
        while cursor < bytes.count, set.contains(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    func skippingBlanks(_ index: Int) -> Int { skipping(index, [0x20, 0x09]) }

    func until(_ index: Int, _ set: [UInt8]) -> Int {
        var cursor = index
        while cursor < bytes.count, !set.contains(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    /// C `strtol(text + index, &end, 0)`: leading white space, sign, `0x` hex or `0` octal,
    /// saturating; with no digits the end is `index` itself.
    func strtol(_ index: Int) -> (value: Int, end: Int) {
        var cursor = skipping(index, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D])
        var negative = false
        if self[cursor] == UInt8(ascii: "-") || self[cursor] == UInt8(ascii: "+") {
            negative = self[cursor] == UInt8(ascii: "-")
            cursor += 1
        }
        var base = 10
        if self[cursor] == UInt8(ascii: "0") {
            if self[cursor + 1] | 0x20 == UInt8(ascii: "x"), Self.digit(self[cursor + 2], base: 16) != nil {
                base = 16
                cursor += 2
            } else {
                base = 8
            }
        }
        let digitsStart = cursor
        var magnitude: UInt64 = 0
        var overflow = false
        while let digit = Self.digit(self[cursor], base: base) {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: UInt64(base))
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            overflow = overflow || o1 || o2
            magnitude = sum
            cursor += 1
        }
        if cursor == digitsStart { return (0, index) }
        if negative {
            if overflow || magnitude > UInt64(Int.max) + 1 { return (Int.min, cursor) }
            return (magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude), cursor)
        }
        if overflow || magnitude > UInt64(Int.max) { return (Int.max, cursor) }
        return (Int(magnitude), cursor)
    }

    static func digit(_ byte: UInt8, base: Int) -> Int? {
        var value: Int
        switch byte {
        case 0x30...0x39: value = Int(byte) - 0x30
        case 0x61...0x7A: value = Int(byte) - 0x61 + 10
        case 0x41...0x5A: value = Int(byte) - 0x41 + 10
        default: return nil
        }
        if value >= base { return nil }
        return value
    }
}

enum SequenceParser {
    static let blanks: [UInt8] = [0x20, 0x09]

    /// `add_seq`. `substitute` runs keepalived's parameter substitution on the numbers part (a
    /// buffer of at most 64 bytes) and returns false if it used a multi-line definition.
    static func parseSeq(_ line: LineText, substitute: (inout LineText) -> Bool) -> Result<Sequence, SequenceError> {
        let text = CText(bytes: line.bytes)
        var p = 4
        let hex = text[p] == UInt8(ascii: "x")
        if hex { p += 1 }
        p = text.skippingBlanks(p)
        guard text[p] == UInt8(ascii: "(") else { return .failure(SequenceError(detail: nil)) }
        p = text.skippingBlanks(p + 1)
        let variableStart = p
        p = text.until(p, [0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: ")")])
        let variable = Array(line.bytes[variableStart..<p])
        p = text.skippingBlanks(p)
        if text[p] == 0 || text[p] == UInt8(ascii: ")") || p == variableStart {
            return .failure(SequenceError(detail: "Invalid ~SEQ definition"))
        }
        p = text.skippingBlanks(p + 1)
        // keepalived looks for the `)` without checking it exists; 2.2.7 then reports the
        // parameters as too long (verified with keepalived -t).
        guard let close = line.bytes[p...].firstIndex(of: UInt8(ascii: ")")), close + 1 - p + 1 <= 64 else {
            return .failure(SequenceError(detail: "~SEQ parameter strings too long"))
        }
        var numbers = LineText(bytes: Array(line.bytes[p...close]), marks: Array(line.marks[p...close]), context: line.context)
        guard substitute(&numbers) else { return .failure(SequenceError(detail: "~SEQ parameter is multiline definition")) }
        let spec = CText(bytes: numbers.bytes)
        let start: Int
        let step: Int
        let end: Int
        let invalid = SequenceError(detail: "Invalid ~SEQ definition")
        let (one, afterOne) = spec.strtol(0)
        var q = spec.skippingBlanks(afterOne)
        if spec[q] == UInt8(ascii: ")") {
            end = one
            step = end < 1 ? -1 : 1
            start = end < 0 ? -1 : 1
        } else {
            guard spec[q] == UInt8(ascii: ",") else { return .failure(invalid) }
            let (two, afterTwo) = spec.strtol(q + 1)
            q = spec.skippingBlanks(afterTwo)
            if spec[q] == UInt8(ascii: ")") {
                start = one
                end = two
                step = start <= end ? 1 : -1
            } else {
                guard spec[q] == UInt8(ascii: ",") else { return .failure(invalid) }
                let (three, afterThree) = spec.strtol(q + 1)
                q = spec.skippingBlanks(afterThree)
                guard spec[q] == UInt8(ascii: ")") else { return .failure(invalid) }
                start = one
                step = two
                end = three
                if step == 0 || (start < end && step < 0) || (start > end && step > 0) {
                    return .failure(SequenceError(detail: "Invalid ~SEQ values"))
                }
            }
        }
        if hex, start < 0 || end < 0 {
            return .failure(SequenceError(detail: "~SEQx is only valid for positive numbers"))
        }
        let textStart = text.skippingBlanks(close + 1)
        return .success(Sequence(
            variable: variable, values: .numbers(next: start, step: step, last: end, hex: hex),
            text: line.suffix(from: min(textStart, line.count))))
    }

    /// `add_lst`: `~LST(var, v1, v2, ...)` or `~LST({a,b,...}, {1,2}, {3}, ...)`.
    static func parseList(_ line: LineText) -> Result<Sequence, SequenceError> {
        let text = CText(bytes: line.bytes)
        let fail = SequenceError(detail: nil)
        var p = text.skippingBlanks(4)
        guard text[p] == UInt8(ascii: "(") else { return .failure(fail) }
        p = text.skippingBlanks(p + 1)
        var endCharacter = UInt8(ascii: ",")
        if text[p] == UInt8(ascii: "{") {
            endCharacter = UInt8(ascii: "}")
            p = text.skippingBlanks(p + 1)
        }
        var parameters: [[UInt8]] = []
        var variableCount = 0
        while true {
            let start = p
            p = text.until(p, [0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: "}")])
            parameters.append(Array(line.bytes[start..<p]))
            p = text.skippingBlanks(p)
            if text[p] == endCharacter { break }
            guard text[p] == UInt8(ascii: ",") else { return .failure(fail) }
            p = text.skippingBlanks(p + 1)
            variableCount += 1
        }
        if text[p] == UInt8(ascii: "}") { p = text.skippingBlanks(p + 1) }
        guard text[p] == UInt8(ascii: ",") else { return .failure(fail) }
        p = text.skippingBlanks(p + 1)
        var valueSets: [[[UInt8]]] = []
        while true {
            endCharacter = UInt8(ascii: ",")
            if text[p] == UInt8(ascii: "{") {
                endCharacter = UInt8(ascii: "}")
                p = text.skippingBlanks(p + 1)
            }
            var values: [[UInt8]] = []
            var valueCount = 0
            while true {
                let start = p
                p = text.until(p, [0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: ")")])
                values.append(Array(line.bytes[start..<p]))
                p = text.skippingBlanks(p)
                if text[p] == endCharacter || (text[p] == UInt8(ascii: ")") && endCharacter == UInt8(ascii: ",")) { break }
                guard text[p] == UInt8(ascii: ",") else { return .failure(fail) }
                p = text.skippingBlanks(p + 1)
                valueCount += 1
                if valueCount > variableCount {
                    return .failure(SequenceError(detail: "~LST specification has too many values"))
                }
            }
            while values.count < parameters.count { values.append([]) }
            valueSets.append(values)
            if text[p] == UInt8(ascii: "}"), endCharacter == UInt8(ascii: "}") { p = text.skippingBlanks(p + 1) }
            if text[p] == UInt8(ascii: ")") { break }
            guard text[p] == UInt8(ascii: ",") else { return .failure(fail) }
            p = text.skippingBlanks(p + 1)
        }
        let textStart = text.skippingBlanks(p + 1)
        return .success(Sequence(
            variable: parameters[0], values: .list(parameters: parameters, valueSets: valueSets, nextSet: 0),
            text: line.suffix(from: min(textStart, line.count))))
    }
}
