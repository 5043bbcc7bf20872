/// How bad a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identity for a kind of finding: code (KA1xx syntax, KA2xx one-file semantics, KA3xx
/// cross-node, KA4xx security, KA5xx deployment hints), kebab-case slug, default severity, summary.
public struct DiagnosticRule: Sendable, Hashable {
    public let code: String
    public let slug: String
    public let severity: Severity
    public let summary: String

    public init(code: String, slug: String, severity: Severity, summary: String) {
        self.code = code
        self.slug = slug
        self.severity = severity
        self.summary = summary
    }
}

/// A secondary location: another line of the same file or another node's file.
public struct RelatedLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// A replacement of a byte range of one file.
public struct TextEdit: Sendable, Hashable {
    public var file: String
    public var range: Range<Int>
    public var replacement: String

    public init(file: String, range: Range<Int>, replacement: String) {
        self.file = file
        self.range = range
        self.replacement = replacement
    }
}

/// A suggested fix. `isSafe` fixes are applied by `kalint --fix`.
public struct FixIt: Sendable, Hashable {
    public var message: String
    public var edits: [TextEdit]
    public var isSafe: Bool

    public init(message: String, edits: [TextEdit], isSafe: Bool = true) {
        self.message = message
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// One finding, located in a file.
///
/// Its fields live in one shared box, copied only when a shared finding is changed: findings are
/// copied often (collected per rule, restated, filtered, sorted, deduplicated, rendered) and a
/// copy of the fields was 152 bytes and seven references, about 210 instructions; a copy of the
/// box is one reference. Inputs with thousands of findings spent a sixth of their time there.
public struct Diagnostic: Sendable, Hashable {
    private var fields: Fields

    public init(
        _ rule: DiagnosticRule, _ message: String, at span: SourceSpan, severity: Severity? = nil,
        related: [RelatedLocation] = [], fixIts: [FixIt] = []
    ) {
        fields = Fields(
            rule: rule, severity: severity ?? rule.severity, message: message, span: span, related: related,
            fixIts: fixIts)
    }

    public var rule: DiagnosticRule {
        get { fields.rule }
        set { uniqueFields().rule = newValue }
    }

    public var severity: Severity {
        get { fields.severity }
        set { uniqueFields().severity = newValue }
    }

    public var message: String {
        get { fields.message }
        set { uniqueFields().message = newValue }
    }

    public var span: SourceSpan {
        get { fields.span }
        set { uniqueFields().span = newValue }
    }

    public var related: [RelatedLocation] {
        get { fields.related }
        set { uniqueFields().related = newValue }
    }

    public var fixIts: [FixIt] {
        get { fields.fixIts }
        set { uniqueFields().fixIts = newValue }
    }

    public var code: String { fields.rule.code }
    public var file: String { fields.span.file }
    public var line: Int { fields.span.start.line }
    public var column: Int { fields.span.start.column }

    /// The box, copied first when another finding shares it (copy on write).
    private mutating func uniqueFields() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.fields === rhs.fields { return true }
        let (a, b) = (lhs.fields, rhs.fields)
        return a.rule == b.rule && a.severity == b.severity && a.message == b.message && a.span == b.span
            && a.related == b.related && a.fixIts == b.fixIts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.rule)
        hasher.combine(fields.severity)
        hasher.combine(fields.message)
        hasher.combine(fields.span)
        hasher.combine(fields.related)
        hasher.combine(fields.fixIts)
    }

    /// Changed only while one finding holds it (`uniqueFields`), so sharing it between threads
    /// is safe: what is shared is never written.
    private final class Fields: @unchecked Sendable {
        var rule: DiagnosticRule
        var severity: Severity
        var message: String
        var span: SourceSpan
        var related: [RelatedLocation]
        var fixIts: [FixIt]

        init(
            rule: DiagnosticRule, severity: Severity, message: String, span: SourceSpan, related: [RelatedLocation],
            fixIts: [FixIt]
        ) {
            self.rule = rule
            self.severity = severity
            self.message = message
            self.span = span
            self.related = related
            self.fixIts = fixIts
        }

        func copy() -> Fields {
            Fields(rule: rule, severity: severity, message: message, span: span, related: related, fixIts: fixIts)
        }
    }
}

extension SourceFile {
    /// The span of a byte range of this file.
    public func span(_ range: Range<Int>) -> SourceSpan {
        SourceSpan(file: path, start: location(of: range.lowerBound), end: location(of: range.upperBound))
    }

    public func span(of token: Token) -> SourceSpan { span(token.range) }
}

extension Diagnostic {
    /// `left` comes strictly before `right` in output order (file, position, code).
    @inline(__always)
    package static func outputPrecedes(_ left: Diagnostic, _ right: Diagnostic) -> Bool {
        if left.span.file != right.span.file { return left.span.file < right.span.file }
        if left.span.start != right.span.start { return left.span.start < right.span.start }
        return left.code < right.code
    }

    /// `left` and `right` have the same place in output order: the same file, start and code
    /// (equal findings always do).
    @inline(__always)
    package static func outputTies(_ left: Diagnostic, _ right: Diagnostic) -> Bool {
        left.span.start == right.span.start && left.code == right.code && left.span.file == right.span.file
    }
}

/// A diagnostic compared and hashed with its message as bytes, for deduplicating many findings:
/// `String`'s own `==` and hash normalise text that is not ASCII, at hundreds of instructions a
/// byte (a fuzz input replayed 32,768 include findings quoting a non-UTF-8 pattern: a fifth of
/// its 2 s). Messages that differ only in their encoding stay apart.
struct ExactDiagnostic: Hashable {
    let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    static func == (a: Self, b: Self) -> Bool {
        let (a, b) = (a.diagnostic, b.diagnostic)
        return a.rule == b.rule && a.severity == b.severity && a.span == b.span && a.message.hasSameUTF8(as: b.message)
            && a.related == b.related && a.fixIts == b.fixIts
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(diagnostic.rule)
        hasher.combine(diagnostic.span.start)
        hasher.combine(diagnostic.span.end)
        diagnostic.message.hashUTF8(into: &hasher)
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, position, then code: the order every renderer prints. Findings that tie
    /// keep their order. An array already in that order is returned as it is (the engine sorts
    /// once and each renderer asks again): no copy of 100,000 findings for nothing.
    public func sortedForOutput() -> [Diagnostic] {
        if indices.dropFirst().allSatisfy({ !Diagnostic.outputPrecedes(self[$0], self[$0 - 1]) }) { return self }
        // Indices are sorted, not (offset, finding) pairs: no finding is copied twice.
        return indices.sorted { left, right in
            if Diagnostic.outputPrecedes(self[left], self[right]) { return true }
            if Diagnostic.outputPrecedes(self[right], self[left]) { return false }
            return left < right
        }.map { self[$0] }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
