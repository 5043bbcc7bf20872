/// Reads the argument words of one keyword line by the types of its schema row, reporting what
/// keepalived 2.2.7's handler would reject (in `-t` mode) and what it then does.
struct ArgumentChecker {
    var diagnostics: [Diagnostic] = []
    /// False for a checker that only reads values (`value(of:at:row:)`): no message is built.
    var reports = true

    /// Reports what keepalived rejects in `words[1...]`: missing and extra words, and each value.
    mutating func check(_ row: KeywordRow, words: WordList, lineOrigin: Origin) {
        let arguments = row.arguments
        let given = words.count - 1
        if given < row.minimumArguments {
            let spec = row.spec
            let missing = arguments[given]
            let last = words[words.count - 1]
            let outcome = row.missingArgumentExits
                ? "keepalived reports \"missing a parameter\" and exits with status 2"
                : "keepalived 2.2.7 reports the missing value and ignores the line"
            diagnostics.append(Diagnostic(
                SemanticRules.missingArgument, "'\(spec.name)' needs \(missing.name) (argument \(given + 1)); \(outcome)",
                at: last.origin.span))
        }
        if let maximum = row.maximumArguments, given > maximum {
            let ignored = words[(maximum + 1)...].map(\.text).joined(separator: " ")
            let kept = words[...maximum].map(\.text).joined(separator: " ")
            diagnostics.append(Diagnostic(
                SemanticRules.extraArguments,
                "keepalived reads one keyword per line: it uses '\(kept)' and ignores '\(ignored)'",
                at: words[maximum + 1].origin.span))
        }
        guard given > 0 else { return }
        // Specs are read in place (an array's subscript copies each, with a retain and a release
        // per reference), in a counted loop: iterating `1...given` goes through unspecialised
        // index witnesses here.
        row.plans.withUnsafeBufferPointer { plans in
            var position = 1
            while position <= given {
                // A word plan takes any word: nothing to report, and the value is not kept.
                if let argument = row.argumentIndex(position - 1), !plans[argument].takesAnyWord {
                    _ = words.withWord(position) { read($0, as: plans[argument], argument: argument, of: row) }
                }
                position += 1
            }
        }
    }

    /// The typed value of word `position` (1 = the first after the keyword) of a statement of
    /// `row`, as `check` reads it: nil where it reports the word, the text past the last argument.
    static func value(of words: WordList, at position: Int, row: KeywordRow) -> ArgumentValue? {
        guard let argument = row.argumentIndex(position - 1) else { return .word(words[position].text) }
        var reader = ArgumentChecker(reports: false)
        return words.withWord(position) { reader.read($0, as: row.plans[argument], argument: argument, of: row) }
    }

    /// Adds `diagnostic` unless this checker only reads values.
    mutating func report(_ diagnostic: @autoclosure () -> Diagnostic) {
        if reports { diagnostics.append(diagnostic()) }
    }

    /// What keepalived does after rejecting a value of this keyword.
    static func consequence(_ spec: KeywordSpec) -> String {
        if let value = spec.defaultValue { return "the value is ignored and the default \(value) is used" }
        return "the value is ignored"
    }

    /// Reads `word` as argument `argument` of `row` (whose plan is `plan`).
    mutating func read(_ word: WordInPlace, as plan: ArgumentPlan, argument: Int, of row: KeywordRow) -> ArgumentValue? {
        // Read through the pointer: a word passed by value is copied (a retain and a release).
        var text: String { word.text }
        // The row's spec is only read on the error paths.
        var spec: KeywordSpec { row.spec }
        var consequence: String { Self.consequence(spec) }
        switch plan {
        case .unsigned(let range):
            if let plain = PlainNumber.value(text, plan: plan) { return .number(plain) }
            return number(NumberReader.unsigned(text, in: range), word, range: range, row: row, scale: 1)
        case .integer(let range):
            if let plain = PlainNumber.value(text, plan: plan) { return .number(plain) }
            return number(NumberReader.integer(text, in: range), word, range: range, row: row, scale: 1)
        case .decimal(let range, let places, let scale):
            if let plain = PlainNumber.value(text, plan: plan) { return .number(plain) }
            return number(
                NumberReader.decimal(text, places: places, in: range), word, range: range, row: row, scale: scale)
        case .bool:
            if let value = NumberReader.bool(text) { return .bool(value) }
            let lower = text.lowercased()
            if NumberReader.bool(lower) != nil {
                reportWrongCase(word.word, correct: lower, what: "'\(spec.name)' value", consequence: consequence)
            } else {
                report(Diagnostic(
                    SemanticRules.invalidValue,
                    "'\(text)' is not a boolean for '\(spec.name)' (on, off, true, false, yes, no); \(consequence)",
                    at: word.origin.span))
            }
            return nil
        case .enumeration:
            guard case .enumeration(let choices) = row.arguments[argument].type else { return .word(text) }
            if choices.contains(text) { return .word(text) }
            if let match = choices.first(where: { $0.lowercased() == text.lowercased() }) {
                reportWrongCase(word.word, correct: match, what: "'\(spec.name)' value", consequence: consequence)
            } else {
                report(Diagnostic(
                    SemanticRules.invalidValue,
                    "'\(text)' is not a valid '\(spec.name)' value (\(choices.joined(separator: ", "))); \(consequence)",
                    at: word.origin.span))
            }
            return nil
        case .ipv4, .ipv6, .ipAddress:
            if let address = plan.isIPAddress ? IPAddress(socketAddress: text) : IPAddress(text) {
                let wrongFamily: String? =
                    switch plan {
                    case .ipv4 where address.isIPv6: "an IPv4 address"
                    case .ipv6 where !address.isIPv6: "an IPv6 address"
                    default: nil
                    }
                if let wanted = wrongFamily {
                    report(Diagnostic(
                        SemanticRules.invalidAddress, "'\(spec.name)' needs \(wanted), not '\(text)'; \(consequence)",
                        at: word.origin.span))
                    return nil
                }
                return .address(address)
            }
            report(Diagnostic(
                SemanticRules.invalidAddress, "'\(text)' is not an IP address; \(consequence)", at: word.origin.span))
            return nil
        case .ipPrefix:
            if let prefix = IPPrefix(text) { return .prefix(prefix) }
            report(Diagnostic(
                SemanticRules.invalidAddress, "'\(text)' is not an IP address or ADDRESS/PREFIX; \(consequence)",
                at: word.origin.span))
            return nil
        case .word:
            return .word(text)
        }
    }

    mutating func number(
        _ result: Result<Int, NumberProblem>, _ word: WordInPlace, range: ClosedRange<Int>, row: KeywordRow,
        scale: Int
    ) -> ArgumentValue? {
        var spec: KeywordSpec { row.spec }
        var consequence: String { Self.consequence(spec) }
        switch result {
        case .success(let value):
            return .number(value)
        case .failure(.invalid):
            report(Diagnostic(
                SemanticRules.invalidNumber,
                "'\(word.text)' is not a number; keepalived -t reports \"invalid number\" and \(consequence)",
                at: word.origin.span))
        case .failure(.negative):
            report(Diagnostic(
                SemanticRules.invalidNumber,
                "'\(spec.name)' does not take a negative number ('\(word.text)'); keepalived reports it and \(consequence)",
                at: word.origin.span))
        case .failure(.tooManyDecimalPlaces):
            report(Diagnostic(
                SemanticRules.invalidNumber,
                "'\(word.text)' has more decimal places than keepalived's resolution; -t rejects it and \(consequence)",
                at: word.origin.span))
        case .failure(.trailingJunk(let prefix)):
            report(Diagnostic(
                SemanticRules.trailingJunk,
                "'\(word.text)' is a number followed by other characters (\(Self.format(prefix, scale: scale)) then junk); keepalived -t reports \"invalid number\" and \(consequence)",
                at: word.origin.span))
        case .failure(.outOfRange(let value)):
            let bounds = "[\(Self.format(range.lowerBound, scale: scale)), \(Self.format(range.upperBound, scale: scale))]"
            if row.clampsOutOfRange {
                let nearest = min(max(value, range.lowerBound), range.upperBound)
                report(Diagnostic(
                    SemanticRules.valueOutOfRange,
                    "'\(spec.name)' \(Self.format(value, scale: scale)) is outside \(bounds); keepalived reports it and uses \(Self.format(nearest, scale: scale)), the nearest bound",
                    at: word.origin.span))
                return .number(nearest)
            }
            report(Diagnostic(
                SemanticRules.valueOutOfRange,
                "'\(spec.name)' \(Self.format(value, scale: scale)) is outside \(bounds); keepalived reports it and \(consequence)",
                at: word.origin.span))
        }
        return nil
    }

    /// A schema bound as an integer; huge or infinite bounds become Int.max (never trap).
    static func clamped(_ value: Double) -> Int {
        guard value.isFinite else { return value < 0 ? 0 : Int.max }
        if value >= 9.2e18 { return Int.max }
        if value <= -9.2e18 { return Int.min }
        return Int(value.rounded())
    }

    /// A scaled integer as decimal text (1500000 with scale 10^6 -> "1.5").
    static func format(_ value: Int, scale: Int) -> String {
        guard scale > 1 else { return String(value) }
        let whole = value / scale
        var fraction = abs(value % scale)
        if fraction == 0 { return String(whole) }
        var digits = String(scale).count - 1
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    mutating func reportWrongCase(_ word: ExpandedWord, correct: String, what: String, consequence: String) {
        report(Diagnostic(
            SemanticRules.wrongCase,
            "\(what) '\(word.text)' has the wrong case: keepalived compares case-sensitively, so \(consequence); write '\(correct)'",
            at: word.origin.span, fixIts: Self.replacement(for: word, with: correct)))
    }

    /// A safe fix replacing a word that is literally in a file.
    static func replacement(for word: ExpandedWord, with text: String) -> [FixIt] {
        guard let range = word.origin.byteRange, !word.origin.isSubstituted, !word.isQuoted else { return [] }
        return [FixIt(message: "replace '\(word.text)' with '\(text)'", edits: [TextEdit(file: word.origin.file, range: range, replacement: text)])]
    }
}
