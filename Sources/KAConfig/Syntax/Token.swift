/// What a run of bytes is to keepalived's line reader.
public enum TokenKind: UInt8, Sendable, Codable, CaseIterable {
    /// A bare word: ends at whitespace, `"`, a brace, or a comment character.
    case word
    /// A double-quoted string, quotes included in the token's bytes.
    case quoted
    /// A `"` with no closing quote on its line: keepalived reports it and treats the rest as quoted.
    case unterminatedQuote
    case openBrace
    case closeBrace
    /// `@id` or `@^id` at the start of a logical line.
    case conditional
    /// `~SEQ(...)`, `~SEQx(...)` or `~LST(...)` at the start of a logical line.
    case sequence
    /// `$NAME=value` (the first line of a definition, up to any comment).
    case definition
    /// One following line of a multi-line definition (after the previous line ended in `\`).
    case definitionContinuation
    /// The operand of an `include` directive: one glob pattern, spaces and quotes kept.
    case includePattern
    case whitespace
    case newline
    /// `!` or `#` to the end of the line.
    case comment

    public var isTrivia: Bool {
        switch self {
        case .whitespace, .newline, .comment: return true
        default: return false
        }
    }

    public var name: String {
        switch self {
        case .word: return "word"
        case .quoted: return "quoted"
        case .unterminatedQuote: return "unterminated-quote"
        case .openBrace: return "open-brace"
        case .closeBrace: return "close-brace"
        case .conditional: return "conditional"
        case .sequence: return "sequence"
        case .definition: return "definition"
        case .definitionContinuation: return "definition-continuation"
        case .includePattern: return "include-pattern"
        case .whitespace: return "whitespace"
        case .newline: return "newline"
        case .comment: return "comment"
        }
    }
}

/// One token: a kind and a byte range of its file. Every byte of a file belongs to exactly one token.
/// Offsets are stored in 32 bits (12 bytes a token instead of 24: a file has millions of tokens),
/// which limits a file to 4 GiB, far beyond what the ~30 bytes of analysis per input byte allow.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    var storedStart: UInt32
    var storedEnd: UInt32

    public init(kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.storedStart = UInt32(truncatingIfNeeded: start)
        self.storedEnd = UInt32(truncatingIfNeeded: end)
    }

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(truncatingIfNeeded: newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(truncatingIfNeeded: newValue) }
    }

    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }
}
