import KAJSON

/// A small, fast JSON writer: deterministic output, no Foundation. Used by every JSON emitter
/// (diagnostics, tokens, tree) so escaping lives in one place.
public struct JSONText: Sendable {
    public private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    public static func quoted(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count + 2)
        JSONEscape.appendQuoted(string, to: &result)
        return result
    }

    /// The text written since the last call, handed over and forgotten: a caller that streams
    /// takes it after each element (the writer's nesting state is kept).
    public mutating func takeOutput() -> String {
        defer { output = "" }
        return output
    }

    /// `"key":`, escaped straight into the output (no string per key).
    private mutating func appendKey(_ key: String) {
        JSONEscape.appendQuoted(key, to: &output)
        output += ":"
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject(_ key: String? = nil) {
        separator()
        if let key { appendKey(key) }
        output += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        output += "}"
    }

    public mutating func beginArray(_ key: String? = nil) {
        separator()
        if let key { appendKey(key) }
        output += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        output += "]"
    }

    public mutating func field(_ key: String, _ value: String) {
        separator()
        appendKey(key)
        JSONEscape.appendQuoted(value, to: &output)
    }

    public mutating func field(_ key: String, _ value: Int) {
        separator()
        appendKey(key)
        output += String(value)
    }

    public mutating func field(_ key: String, _ value: Bool) {
        separator()
        appendKey(key)
        output += value ? "true" : "false"
    }

    /// A bare value inside an array.
    public mutating func value(_ value: String) {
        separator()
        JSONEscape.appendQuoted(value, to: &output)
    }

    public mutating func value(_ value: Int) {
        separator()
        output += String(value)
    }
}
