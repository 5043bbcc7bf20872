/// The keyword reference (grammar/keywords.md), rendered from the schema rows.
public enum KeywordReference {
    /// Markdown with one section per block and one table row per keyword.
    public static func markdown() -> String {
        var lines: [String] = [
            "# keepalived.conf keyword reference",
            "",
            "Generated from `Sources/KAConfig/Schema/Rows/` by `scripts/regen-grammar.sh`; do not edit.",
            "Target: keepalived 2.2.7. Rows with `2.2.7 = no` are keywords of later versions (read from",
            "keepalived master), which 2.2.7 reports as `Unknown keyword`. A build option in the last column",
            "means keepalived only installs the keyword when built with it.",
            "",
            "Argument notation: `<name: type>` required, `[name: type]` optional, `...` repeats. A number",
            "outside its range makes keepalived ignore the line, except where the row says it takes the",
            "nearest bound.",
            "",
        ]
        let total = KeepalivedSchema.allBlocks.reduce(0) { $0 + $1.keywords.count }
        lines.append("\(KeepalivedSchema.allBlocks.count) blocks, \(total) rows.")
        lines.append("")
        for block in KeepalivedSchema.allBlocks {
            lines.append("## \(block.name)")
            lines.append("")
            lines.append("\(block.summary) Opening line: \(header(block.nameRequirement)).")
            lines.append("")
            lines.append("| Keyword | Kind | Arguments | Default | Deprecated by | Since | 2.2.7 | Build option | Summary |")
            lines.append("|---|---|---|---|---|---|---|---|---|")
            for row in block.keywords {
                let cells = [
                    "`\(row.name)`", kind(row.kind), arguments(row.arguments) + outOfRangeNote(row.outOfRange), row.defaultValue ?? "",
                    row.deprecatedBy.map { "`\($0)`" } ?? "", row.since, row.knownIn227 ? "yes" : "no",
                    row.buildFeature?.rawValue ?? "", row.summary,
                ]
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func header(_ requirement: BlockNameRequirement) -> String {
        switch requirement {
        case .none: "keyword only"
        case .required: "keyword and a name"
        case .optional: "keyword and an optional name"
        case .address: "keyword, address and optional port"
        }
    }

    static func kind(_ kind: KeywordKind) -> String {
        switch kind {
        case .value: "value"
        case .script: "script"
        case .block(let name): "block [\(name)](#\(anchor(name)))"
        case .valueBlock(let syntax): "entries: \(syntax.rawValue)"
        }
    }

    static func outOfRangeNote(_ handling: OutOfRangeHandling) -> String {
        switch handling {
        case .ignored: ""
        case .clampedToBound: " (out of range: nearest bound)"
        }
    }

    public static func arguments(_ arguments: [ArgumentSpec]) -> String {
        arguments.map { argument in
            let text = "\(argument.name): \(typeText(argument.type))"
            let repeated = argument.isVariadic ? " ..." : ""
            return argument.isOptional ? "[\(text)]\(repeated)" : "<\(text)>\(repeated)"
        }.joined(separator: " ")
    }

    static func typeText(_ type: ValueType) -> String {
        switch type {
        case .unsigned(let range), .integer(let range): "\(range.lowerBound)..\(range.upperBound)"
        case .decimal(let min, let max, let places): "decimal \(number(min))..\(number(max)) (\(places) places)"
        case .bool: "bool"
        case .enumeration(let words): words.joined(separator: "|")
        case .ipv4: "IPv4"
        case .ipv6: "IPv6"
        case .ipAddress: "IP"
        case .ipPrefix: "IP[/prefix]"
        case .host: "host"
        case .interfaceName: "interface"
        case .path: "path"
        case .mac: "MAC"
        case .port: "port"
        case .reference(let kind): "\(kind.rawValue) name"
        case .string: "string"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// GitHub's heading anchor: lower case, spaces to dashes, dots and other punctuation dropped.
    static func anchor(_ name: String) -> String {
        String(name.lowercased().compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : nil })
    }

    static func escape(_ cell: String) -> String {
        cell.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
