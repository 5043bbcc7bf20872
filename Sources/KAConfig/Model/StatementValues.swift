/// Typed reads of a bound statement's arguments for the model builders. A value the argument
/// checker rejected reads as nil, so the model keeps keepalived's default.
extension BoundStatement {
    /// Argument `index` (0 = first word after the keyword) as an integer.
    package func int(_ index: Int = 0) -> Int? { ArgumentReader.int(words, index, row: row) }

    /// Argument `index` as microseconds: decimal seconds as the schema types them.
    package func microseconds(_ index: Int = 0) -> Int? { ArgumentReader.microseconds(words, index, row: row) }

    /// A flag with an optional boolean: no argument means true; a rejected argument reads nil.
    var flag: Bool? { ArgumentReader.flag(wordCount: words.count, values: values) }

    /// Argument `index` as text (nil when absent or rejected).
    func text(_ index: Int = 0) -> String? { ArgumentReader.text(words, values, index) }

    package func address(_ index: Int = 0) -> IPAddress? { ArgumentReader.address(values, index) }

    package var argumentWords: [String] { words.dropFirst().map { $0.text } }
}

/// The readers behind `BoundStatement` and `StatementRef`, over the fields they read.
enum ArgumentReader {
    /// Argument `index` of a statement of `row` with `words` as an integer: a plain number read
    /// in place (see `PlainNumber`), else through the checker's value.
    @inline(__always)
    static func int(_ words: WordList, _ index: Int, row: KeywordRow) -> Int? {
        if let plain = ArgumentChecker.plainNumber(of: words, at: index + 1, row: row) {
            return int(number: plain.value, plan: plain.plan)
        }
        return int(ArgumentValues(row: row, words: words), index, row: row)
    }

    /// Argument `index` as microseconds, the same way.
    @inline(__always)
    static func microseconds(_ words: WordList, _ index: Int, row: KeywordRow) -> Int? {
        if let plain = ArgumentChecker.plainNumber(of: words, at: index + 1, row: row) {
            return microseconds(number: plain.value, plan: plain.plan)
        }
        return microseconds(ArgumentValues(row: row, words: words), index, row: row)
    }

    static func int(_ values: ArgumentValues, _ index: Int, row: KeywordRow) -> Int? {
        guard index < values.count, let value = values[index] else { return nil }
        switch value {
        case .number(let number):
            return int(number: number, plan: plan(row, index))
        case .word(let text):
            if case .success(let number) = NumberReader.integer(text, in: Int.min...Int.max) { return number }
            return nil
        default:
            return nil
        }
    }

    static func microseconds(_ values: ArgumentValues, _ index: Int, row: KeywordRow) -> Int? {
        guard index < values.count, let value = values[index] else { return nil }
        switch value {
        case .number(let number):
            return microseconds(number: number, plan: plan(row, index))
        case .word(let text):
            if case .success(let number) = NumberReader.decimal(text, places: 6, in: 0...Int.max) { return number }
            return nil
        default:
            return nil
        }
    }

    static func flag(wordCount: Int, values: ArgumentValues) -> Bool? {
        guard wordCount > 1 else { return true }
        guard let value = values.first, let value else { return nil }
        switch value {
        case .bool(let bool): return bool
        case .word(let text): return NumberReader.bool(text)
        default: return nil
        }
    }

    static func text(_ words: WordList, _ values: ArgumentValues, _ index: Int) -> String? {
        guard index + 1 < words.count else { return nil }
        if index < values.count, values.isRejected(index) { return nil }
        return words[index + 1].text
    }

    static func address(_ values: ArgumentValues, _ index: Int) -> IPAddress? {
        guard index < values.count, let value = values[index] else { return nil }
        switch value {
        case .address(let address): return address
        case .prefix(let prefix): return prefix.address
        case .word(let text): return IPAddress(text)
        default: return nil
        }
    }

    /// A number the checker read by `plan`, as an integer: nil for a decimal plan's (scaled) number.
    @inline(__always)
    static func int(number: Int, plan: ArgumentPlan?) -> Int? {
        if case .decimal = plan { return nil }
        return number
    }

    /// A number the checker read by `plan`, as microseconds: a decimal plan's number is scaled
    /// by 10^places, an integer's is seconds.
    @inline(__always)
    static func microseconds(number: Int, plan: ArgumentPlan?) -> Int? {
        switch plan {
        case .decimal(_, let places, _):
            var scale = 1
            for _ in places..<max(places, 6) { scale *= 10 }
            let (value, overflow) = number.multipliedReportingOverflow(by: scale)
            return overflow ? nil : value
        default:
            let (value, overflow) = number.multipliedReportingOverflow(by: 1_000_000)
            return overflow ? nil : value
        }
    }

    /// The checker's plan for argument word `index` (the model's readers need only its kind and places).
    static func plan(_ row: KeywordRow, _ index: Int) -> ArgumentPlan? {
        row.argumentIndex(index).map { row.plans[$0] }
    }
}
