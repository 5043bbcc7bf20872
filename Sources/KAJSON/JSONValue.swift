/// A JSON value built in memory and printed without Foundation: karun's status output, kalsp's
/// protocol messages (read by `JSONParser`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys keep their order, so the output is stable and reads top-down.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }
    public func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Compact (`pretty: false`) or indented by two spaces.
    public func text(pretty: Bool = false) -> String {
        var output = ""
        write(into: &output, pretty: pretty, depth: 0)
        return output
    }

    private func write(into output: inout String, pretty: Bool, depth: Int) {
        let newline = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let closing = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String(value) : "null"
        case .string(let value): Self.quote(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                output += newline
                value.write(into: &output, pretty: pretty, depth: depth + 1)
            }
            output += closing + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { output += "," }
                output += newline
                Self.quote(key, into: &output)
                output += pretty ? ": " : ":"
                value.write(into: &output, pretty: pretty, depth: depth + 1)
            }
            output += closing + "}"
        }
    }

    static func quote(_ text: String, into output: inout String) {
        JSONEscape.appendQuoted(text, to: &output)
    }
}
