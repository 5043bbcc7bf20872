import KAJSON

/// A small, fast JSON writer: deterministic output, no Foundation. Used by every JSON emitter
/// (diagnostics, tokens, tree) so escaping lives in one place.
public struct JSONText: Sendable {
    /// The text written so far, as UTF-8 bytes: appending a byte or a run of them costs far
    /// less than appending to a `String`.
    private var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init() {}

    /// A writer that goes on with a document written elsewhere: `openContainers` objects or
    /// arrays are open, each holding something already but the innermost, which is empty.
    public init(continuingInside openContainers: Int) {
        needsComma = Array(repeating: true, count: openContainers) + [false]
    }

    public static func quoted(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count + 2)
        JSONEscape.appendQuoted(string, to: &result)
        return result
    }

    /// The text written since the last call, handed over and forgotten: a caller that streams
    /// takes it after each element (the writer's nesting state is kept).
    public mutating func takeOutput() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return output
    }

    /// The text written since the last `takeOutput()`.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always)
    private mutating func append(_ punctuation: Unicode.Scalar) {
        bytes.append(UInt8(ascii: punctuation))
    }

    /// `"key":`, escaped straight into the output (no string per key).
    private mutating func appendKey(_ key: String) {
        JSONEscape.appendQuoted(key, to: &bytes)
        append(":")
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { append(",") }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject(_ key: String? = nil) {
        separator()
        if let key { appendKey(key) }
        append("{")
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        append("}")
    }

    public mutating func beginArray(_ key: String? = nil) {
        separator()
        if let key { appendKey(key) }
        append("[")
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        append("]")
    }

    public mutating func field(_ key: String, _ value: String) {
        separator()
        appendKey(key)
        JSONEscape.appendQuoted(value, to: &bytes)
    }

    public mutating func field(_ key: String, _ value: Int) {
        separator()
        appendKey(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func field(_ key: String, _ value: Bool) {
        separator()
        appendKey(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A bare value inside an array.
    public mutating func value(_ value: String) {
        separator()
        JSONEscape.appendQuoted(value, to: &bytes)
    }

    public mutating func value(_ value: Int) {
        separator()
        bytes.append(contentsOf: String(value).utf8)
    }
}
