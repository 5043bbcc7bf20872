/// keepalived 2.2.7's `replace_param`: `$NAME`, `${NAME}` and `${NAME params}` references are
/// replaced in place, scanning again from the same position (so values are expanded
/// recursively), until no `$` names a definition.
extension LineReader {
    /// Returns false when nothing was replaced, when the line would reach `maxLength`
    /// (keepalived stops there, leaving earlier replacements in place), or when substitution
    /// does not terminate. `multiline` is the replay in progress; a multi-line definition
    /// referenced at the end of the line becomes the new one (the old one is stacked).
    mutating func replaceParameters(_ line: inout LineText, maxLength: Int, multiline: inout Replay?) -> Bool {
        var cursor = 0
        var usedLength = line.count
        var found = false
        var multilinePointer = multiline
        var nextReplay = multiline
        var replacements = 0
        // Whether the text before `quoteScan` has an odd number of double quotes: kept as the scan
        // goes (a replacement changes only what follows its `$`), not counted again at each `$`.
        var quoteScan = 0
        var quoted = false
        while cursor < line.count, let dollar = line.bytes[cursor...].firstIndex(of: UInt8(ascii: "$")), dollar + 1 < line.count {
            guard let (reference, definition) = definitions.reference(in: line.bytes, dollar: dollar) else {
                if line.bytes[dollar + 1] == UInt8(ascii: "{") {
                    while quoteScan < dollar {
                        if line.bytes[quoteScan] == UInt8(ascii: "\"") { quoted.toggle() }
                        quoteScan += 1
                    }
                    if !quoted { reportUndefined(line, dollar: dollar) }
                }
                cursor = dollar + 1
                continue
            }
            replacements += 1
            if replacements > 10_000 {
                report(SyntaxRules.invalidDefinition,
                    "parameter substitution does not terminate (a definition refers to itself); keepalived 2.2.7 hangs", line: line)
                return false
            }
            found = true
            let braces = reference.usesBraces ? 2 : 0
            let mark = line.marks[dollar] | LineText.substitutedBit
            nextReplay = multilinePointer
            if definition.isMultiline, let pointer = multilinePointer { multilineStack.append(pointer) }
            if definition.isMultiline { multilineSequenceDepth = sequences.count }
            let value = builtinValue(definition, reference: reference, line: line, dollar: dollar)
            var replacedLength = reference.name.count
            let replacing: ArraySlice<UInt8>
            if definition.isMultiline {
                let firstLineEnd = value.firstIndex(of: 0x0A) ?? value.count
                replacing = value[..<firstLineEnd]
                nextReplay = Replay(value: value, position: firstLineEnd + 1, mark: mark, context: line.context)
                multilinePointer = nextReplay
            } else {
                if let parameters = reference.parameters {
                    replacedLength = parameters.upperBound - 1 - (dollar + 1) + (braces > 0 ? 0 : 1)
                }
                replacing = value[...]
            }
            let replaced = replacedLength + 1 + braces
            if usedLength + replacing.count - replaced >= maxLength {
                report(SyntaxRules.substitutionTooLong,
                    "substituting '\(String(decoding: reference.name, as: UTF8.self))' would make the line \(usedLength + replacing.count - replaced) bytes long; keepalived stops substituting at \(maxLength - 1)",
                    line: line)
                return false
            }
            if let parameters = reference.parameters, replacing.count < replaced {
                shortenAfterParameters(&line, dollar: dollar, replaced: replaced, value: replacing, mark: mark, parameters: parameters)
            } else {
                line.bytes.replaceSubrange(dollar..<(dollar + replaced), with: replacing)
                line.marks.replaceSubrange(dollar..<(dollar + replaced), with: repeatElement(mark, count: replacing.count))
            }
            usedLength += replacing.count - replaced
            cursor = dollar
            guard spend(line.count) else { return false }
            let firstNonBlank = value.first { $0 != 0x20 && $0 != 0x09 }
            if firstNonBlank == UInt8(ascii: "~") { break }
        }
        if found { multiline = nextReplay }
        return found
    }

    /// keepalived moves only the bytes up to just past the reference's `}` when a
    /// `${NAME params}` value is shorter than the reference, so the old text after it stays in the
    /// buffer (`x ${_RANDOM 1 5} y` becomes `x 3 _RANDOM 1 5} y`; verified with keepalived -t).
    func shortenAfterParameters(
        _ line: inout LineText, dollar: Int, replaced: Int, value: ArraySlice<UInt8>, mark: UInt32, parameters: Range<Int>
    ) {
        let stop = parameters.upperBound - 1 + 2  // one past the `}`
        var source = dollar + replaced - value.count
        var destination = dollar
        while true {
            if source >= line.count {
                line.truncate(at: destination)  // the NUL was copied
                break
            }
            line.bytes[destination] = line.bytes[source]
            line.marks[destination] = line.marks[source]
            if source == stop { break }
            destination += 1
            source += 1
        }
        for (index, byte) in value.enumerated() where dollar + index < line.count {
            line.bytes[dollar + index] = byte
            line.marks[dollar + index] = mark
        }
        if dollar + value.count > line.count {
            let missing = value.suffix(dollar + value.count - line.count)
            line.bytes.append(contentsOf: missing)
            line.marks.append(contentsOf: repeatElement(mark, count: missing.count))
        }
    }

    /// The text a definition stands for now: built-ins are computed at each use.
    mutating func builtinValue(_ definition: Definition, reference: ParameterReference, line: LineText, dollar: Int) -> [UInt8] {
        switch definition.builtin {
        case nil:
            return definition.value
        case .instance:
            return configID ?? []
        case .workingDirectory:
            let directory = includeStack.last?.file.map { contexts[$0.context].directory } ?? ""
            return Array(ConfigPath.absolute(directory, workingDirectory: options.workingDirectory).utf8)
        case .random:
            switch random.value(parameters: reference.parameters.map { line.bytes[$0] }) {
            case .value(let text):
                return text
            case .divisionByZero:
                report(SyntaxRules.invalidDefinition,
                    "${_RANDOM MIN MAX} with MAX = MIN - 1: keepalived 2.2.7 divides by zero and crashes (SIGFPE)", line: line)
                return Array("0".utf8)
            }
        }
    }

    /// An undefined `${NAME}` outside double quotes stays literal and its braces split the line.
    /// The reference shown runs to its `}`, or stops after `maximumShownReference` bytes.
    mutating func reportUndefined(_ line: LineText, dollar: Int) {
        var nameEnd = dollar + 2
        while nameEnd < line.count, DefinitionTable.isNameByte(line.bytes[nameEnd]) { nameEnd += 1 }
        // A defined name used with bad parameters or spacing is not "undefined".
        guard definitions[Array(line.bytes[(dollar + 2)..<nameEnd])] == nil else { return }
        var end = dollar + 2
        let shownEnd = min(line.count, nameEnd + Self.maximumShownReference)
        while end < shownEnd, line.bytes[end] != UInt8(ascii: "}") { end += 1 }
        // A replayed definition or sequence meets the same reference on every pass: the
        // diagnostic (deduplicated at the end) is built once, not on each.
        var hasher = Hasher()
        hasher.combine(line.context)
        hasher.combine(line.marks[dollar])
        line.bytes[dollar..<min(end + 1, line.count)].withUnsafeBytes { hasher.combine(bytes: $0) }
        guard reportedUndefined.insert(hasher.finalize()).inserted else { return }
        let text = String(decoding: line.bytes[dollar..<min(end + 1, line.count)], as: UTF8.self)
        var reference = line
        reference.bytes = Array(line.bytes[dollar..<min(end + 1, line.count)])
        reference.marks = Array(line.marks[dollar..<min(end + 1, line.count)])
        report(SyntaxRules.undefinedParameter,
            "'\(text)' names no definition; keepalived keeps it and its '{' '}' split the line into separate lines",
            line: reference)
    }

    /// Bytes of an undefined reference's parameters shown: a line of many `${` with no `}`
    /// would otherwise be scanned to its end once for each.
    static var maximumShownReference: Int { 64 }
}
