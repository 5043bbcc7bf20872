/// The common case of a numeric argument, read without the general machinery: a word of plain
/// decimal digits (`virtual_router_id 51`, `advert_int 1`) inside its plan's range. The general
/// reading builds a checker, copies the text and makes an `ArgumentValue` (about 750
/// instructions a value, most of the model's cost per line); this reads the digits in place.
/// It answers only where the general reading would give `.number(value)`, and nil for anything
/// else (a sign, a point, junk, too many digits, out of range), which then takes the general
/// path, with its findings.
enum PlainNumber {
    /// At most 15 digits: no overflow before scaling.
    static let maximumDigits = 15

    /// The number `text` holds when it is 1 to 15 decimal digits and nothing else.
    @inline(__always)
    static func digits(_ text: String) -> Int? {
        // The bytes in place (a small string's on the stack): iterating the view decodes each.
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard !bytes.isEmpty, bytes.count <= maximumDigits else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value &* 10 &+ Int(byte &- 0x30)
            }
            return value
        }
        return read ?? nil
    }

    /// What reading `text` by `plan` gives when it is plain digits in range: the number, scaled
    /// by the plan's 10^places for a decimal plan (as `NumberReader` does). nil otherwise.
    @inline(__always)
    static func value(_ text: String, plan: ArgumentPlan) -> Int? {
        switch plan {
        case .unsigned(let range), .integer(let range):
            guard let number = digits(text), range.contains(number) else { return nil }
            return number
        case .decimal(let range, _, let scale):
            guard let number = digits(text) else { return nil }
            let (scaled, overflow) = number.multipliedReportingOverflow(by: scale)
            return !overflow && range.contains(scaled) ? scaled : nil
        default:
            return nil
        }
    }
}

extension ArgumentChecker {
    /// Argument word `position` (1 = the first after the keyword) of a statement of `row` when it
    /// reads as a plain number (see `PlainNumber`): the number and the plan it was read by.
    /// nil where `value(of:at:row:)` must decide.
    static func plainNumber(of words: WordList, at position: Int, row: KeywordRow) -> (value: Int, plan: ArgumentPlan)? {
        guard position >= 1, position < words.count, row.valueReading == .checked,
            let argument = row.argumentIndex(position - 1)
        else { return nil }
        let plan = row.plans[argument]
        guard let value = words.withText(position, { PlainNumber.value($0.pointee, plan: plan) }) else { return nil }
        return (value, plan)
    }
}
