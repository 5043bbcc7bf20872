/// Short constructors for the schema tables, so that each row reads as one line of data.
/// Row files alias this namespace privately (`private typealias R = SchemaRow`).
enum SchemaRow {
    /// Largest `unsigned` keepalived accepts (UINT_MAX).
    static let uintMax = 4_294_967_295
    /// Largest `int` (INT_MAX).
    static let intMax = 2_147_483_647
    /// UINT_MAX / TIMER_HZ: the largest whole-second value kept in microseconds.
    static let timerSecondsMax = 4_294

    /// A required argument.
    static func req(_ name: String, _ type: ValueType) -> ArgumentSpec { ArgumentSpec(name, type) }

    /// An optional argument.
    static func opt(_ name: String, _ type: ValueType) -> ArgumentSpec {
        ArgumentSpec(name, type, optional: true)
    }

    /// Zero or more further words.
    static func rest(_ name: String, _ type: ValueType) -> ArgumentSpec {
        ArgumentSpec(name, type, optional: true, variadic: true)
    }

    /// One or more words.
    static func some(_ name: String, _ type: ValueType) -> ArgumentSpec { ArgumentSpec(name, type, variadic: true) }

    /// Decimal seconds as keepalived's `read_timer` / `read_decimal_unsigned_strvec` read them.
    static func seconds(_ min: Double, _ max: Double, places: Int = 6) -> ValueType {
        .decimal(min: min, max: max, places: places)
    }

    /// A keyword with arguments on its line.
    static func value(
        _ name: String, _ summary: String, _ args: [ArgumentSpec], default defaultValue: String? = nil,
        deprecatedBy: String? = nil, since: String = "1.0.0", knownIn227: Bool = true, repeatable: Bool = false,
        requires feature: BuildFeature? = nil
    ) -> KeywordSpec {
        KeywordSpec(
            name, .value, args: args, default: defaultValue, deprecatedBy: deprecatedBy, since: since,
            knownIn227: knownIn227, repeatable: repeatable, summary: summary, requires: feature)
    }

    /// A keyword without arguments (keepalived ignores any words after it).
    static func flag(
        _ name: String, _ summary: String, deprecatedBy: String? = nil, since: String = "1.0.0",
        knownIn227: Bool = true, requires feature: BuildFeature? = nil
    ) -> KeywordSpec {
        value(name, summary, [], deprecatedBy: deprecatedBy, since: since, knownIn227: knownIn227, requires: feature)
    }

    /// A keyword taking an optional `<BOOL>`; alone it means true.
    static func toggle(
        _ name: String, _ summary: String, default defaultValue: String? = "false", deprecatedBy: String? = nil,
        since: String = "1.0.0", knownIn227: Bool = true, requires feature: BuildFeature? = nil
    ) -> KeywordSpec {
        value(
            name, summary, [opt("enabled", .bool)], default: defaultValue, deprecatedBy: deprecatedBy,
            since: since, knownIn227: knownIn227, requires: feature)
    }

    /// A keyword whose rest of line is a script command line: `command [user [[:]group]]`.
    static func script(
        _ name: String, _ summary: String, optionalCommand: Bool = false, since: String = "1.0.0",
        knownIn227: Bool = true
    ) -> KeywordSpec {
        let command = optionalCommand ? opt("command", .string) : req("command", .string)
        return KeywordSpec(
            name, .script, args: [command, opt("user", .string), opt("group", .string)], since: since,
            knownIn227: knownIn227, summary: summary)
    }

    /// A keyword opening a block of keywords described by the BlockSpec named `block`.
    static func block(
        _ name: String, _ block: String, _ summary: String, header: [ArgumentSpec] = [],
        deprecatedBy: String? = nil, since: String = "1.0.0", knownIn227: Bool = true, repeatable: Bool = false,
        requires feature: BuildFeature? = nil
    ) -> KeywordSpec {
        KeywordSpec(
            name, .block(block), args: header, deprecatedBy: deprecatedBy, since: since, knownIn227: knownIn227,
            repeatable: repeatable, summary: summary, requires: feature)
    }

    /// A keyword opening a block whose lines are entries of `syntax`. Repeating it appends entries.
    static func valueBlock(
        _ name: String, _ syntax: EntrySyntax, _ summary: String, header: [ArgumentSpec] = [],
        since: String = "1.0.0", knownIn227: Bool = true, requires feature: BuildFeature? = nil
    ) -> KeywordSpec {
        KeywordSpec(
            name, .valueBlock(syntax), args: header, since: since, knownIn227: knownIn227, repeatable: true,
            summary: summary, requires: feature)
    }
}

extension KeywordSpec {
    /// The row, for a handler that moves an out-of-range number to the nearest bound.
    func clampingOutOfRange() -> KeywordSpec {
        var row = self
        row.outOfRange = .clampedToBound
        return row
    }
}
