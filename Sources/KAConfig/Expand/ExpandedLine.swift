/// The expanded view: what keepalived's line reader hands to its keyword processor after
/// `include`, `@id`, `$NAME`, `~SEQ`/`~LST` and brace splitting, with the origin of every word.

/// Where an include directive brought a file in.
public struct IncludeSite: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// An include chain shared by every origin in one opening of a file (one reference to retain
/// when an origin is copied, instead of an array per word).
final class IncludeChain: Sendable, Hashable {
    let sites: [IncludeSite]

    init(_ sites: [IncludeSite]) { self.sites = sites }

    static func == (lhs: IncludeChain, rhs: IncludeChain) -> Bool { lhs === rhs || lhs.sites == rhs.sites }
    func hash(into hasher: inout Hasher) { hasher.combine(sites) }
}

/// Where an expanded word or line came from.
public struct Origin: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// Byte range in `file`, when the word is literally there (not produced by substitution).
    public var byteRange: Range<Int>?
    /// Outermost first: the include directives that led to `file`.
    public var includeChain: [IncludeSite] {
        get { sharedChain?.sites ?? [] }
        set { sharedChain = newValue.isEmpty ? nil : IncludeChain(newValue) }
    }
    /// True when `$NAME`/`~SEQ` substitution produced or changed this text.
    public var isSubstituted: Bool
    /// The storage of `includeChain`: nil for the root file, so copying its origins retains nothing.
    var sharedChain: IncludeChain?

    public init(
        file: String, line: Int, column: Int, byteRange: Range<Int>? = nil, includeChain: [IncludeSite] = [],
        isSubstituted: Bool = false
    ) {
        self.init(
            file: file, line: line, column: column, byteRange: byteRange,
            sharedChain: includeChain.isEmpty ? nil : IncludeChain(includeChain), isSubstituted: isSubstituted)
    }

    init(file: String, line: Int, column: Int, byteRange: Range<Int>?, sharedChain: IncludeChain?, isSubstituted: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.byteRange = byteRange
        self.sharedChain = sharedChain
        self.isSubstituted = isSubstituted
    }

    public var span: SourceSpan {
        let end = byteRange.map { column + $0.count } ?? column + 1
        return SourceSpan(
            file: file, start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: end))
    }
}

/// One word as keepalived's default tokeniser splits it: quotes removed from a quoted word.
public struct ExpandedWord: Sendable, Hashable {
    public var text: String
    public var isQuoted: Bool
    public var origin: Origin

    public init(text: String, isQuoted: Bool = false, origin: Origin) {
        self.text = text
        self.isQuoted = isQuoted
        self.origin = origin
    }
}

/// One line as `read_line` returns it: `{`, `}`, or words.
public struct LogicalLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case openBrace
        case closeBrace
        case words
    }

    public var kind: Kind
    public var words: [ExpandedWord]
    /// The line's text after expansion and comment removal, before word splitting. Script keywords
    /// (`notify`, `script`, ...) re-split it with their own quoting rules.
    public var text: String
    public var origin: Origin

    public init(kind: Kind, words: [ExpandedWord], text: String, origin: Origin) {
        self.kind = kind
        self.words = words
        self.text = text
        self.origin = origin
    }
}

/// The expansion of one root file.
public struct ExpandedConfig: Sendable {
    /// The root file's path as given.
    public var rootPath: String
    public var lines: [LogicalLine]
    /// Every file read, by path, with its lossless tree (for rendering source lines and fix-its).
    public var files: [String: SyntaxTree]
    /// KA1xx diagnostics of every file read plus those of expansion itself.
    public var diagnostics: [Diagnostic]

    public init(rootPath: String, lines: [LogicalLine], files: [String: SyntaxTree], diagnostics: [Diagnostic]) {
        self.rootPath = rootPath
        self.lines = lines
        self.files = files
        self.diagnostics = diagnostics
    }
}
