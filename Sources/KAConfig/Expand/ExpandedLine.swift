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

/// Where an expanded word or line came from. Five integers and a flag, no references: copying
/// or destroying millions of origins (one per word) costs no reference counting. The file and its
/// include chain live in `OriginFileTable`, interned once per opening of a file.
public struct Origin: Sendable, Hashable {
    /// The (path, include chain) pair in `OriginFileTable.shared`.
    var fileID: UInt32
    var storedLine: UInt32
    /// The column in the low 31 bits, `isSubstituted` in the top bit: with a `Bool` of its own
    /// an origin took 21 bytes, which padding made 24 in most structs that hold one.
    var columnAndFlag: UInt32
    /// Byte range in the file; `noByte` in both when the text is not literally there.
    var byteStart: UInt32
    var byteEnd: UInt32

    static let noByte = UInt32.max
    static let substitutedBit: UInt32 = 1 << 31

    /// True when `$NAME`/`~SEQ` substitution produced or changed this text.
    public var isSubstituted: Bool {
        get { columnAndFlag & Origin.substitutedBit != 0 }
        set { columnAndFlag = newValue ? columnAndFlag | Origin.substitutedBit : columnAndFlag & ~Origin.substitutedBit }
    }

    public var file: String {
        get { OriginFileTable.shared.path(fileID) }
        set { fileID = OriginFileTable.shared.id(path: newValue, chain: includeChain) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Origin.clamped(newValue) }
    }

    public var column: Int {
        get { Int(columnAndFlag & ~Origin.substitutedBit) }
        set { columnAndFlag = columnAndFlag & Origin.substitutedBit | Origin.clampedColumn(newValue) }
    }

    /// Byte range in `file`, when the word is literally there (not produced by substitution).
    public var byteRange: Range<Int>? {
        get { byteStart == Origin.noByte ? nil : Int(byteStart)..<Int(byteEnd) }
        set {
            guard let newValue, newValue.upperBound < Int(Origin.noByte) else {
                byteStart = Origin.noByte
                byteEnd = Origin.noByte
                return
            }
            byteStart = UInt32(newValue.lowerBound)
            byteEnd = UInt32(newValue.upperBound)
        }
    }

    /// Outermost first: the include directives that led to `file`.
    public var includeChain: [IncludeSite] {
        get { OriginFileTable.shared.chain(fileID) }
        set { fileID = OriginFileTable.shared.id(path: file, chain: newValue) }
    }

    public init(
        file: String, line: Int, column: Int, byteRange: Range<Int>? = nil, includeChain: [IncludeSite] = [],
        isSubstituted: Bool = false
    ) {
        self.init(
            fileID: OriginFileTable.shared.id(path: file, chain: includeChain), line: line, column: column,
            byteRange: byteRange, isSubstituted: isSubstituted)
    }

    init(fileID: UInt32, line: Int, column: Int, byteRange: Range<Int>?, isSubstituted: Bool = false) {
        self.fileID = fileID
        self.storedLine = Origin.clamped(line)
        self.columnAndFlag = Origin.clampedColumn(column) | (isSubstituted ? Origin.substitutedBit : 0)
        self.byteStart = Origin.noByte
        self.byteEnd = Origin.noByte
        self.byteRange = byteRange
    }

    /// The line's origin for a plain word: no substitution, bytes literally in the file.
    @inline(__always)
    init(fileID: UInt32, line: UInt32, column: UInt32, bytes: Range<Int>) {
        self.fileID = fileID
        self.storedLine = line
        self.columnAndFlag = min(column, ~Origin.substitutedBit)
        if bytes.upperBound < Int(Origin.noByte) {
            self.byteStart = UInt32(truncatingIfNeeded: bytes.lowerBound)
            self.byteEnd = UInt32(truncatingIfNeeded: bytes.upperBound)
        } else {
            self.byteStart = Origin.noByte
            self.byteEnd = Origin.noByte
        }
    }

    /// Lines beyond 4 billion cannot come from a readable file; they saturate (columns at 2^31 - 1).
    static func clamped(_ value: Int) -> UInt32 { UInt32(clamping: value) }
    /// Columns saturate at 2^31 - 1.
    static func clampedColumn(_ value: Int) -> UInt32 { min(UInt32(clamping: value), ~Origin.substitutedBit) }

    public var span: SourceSpan {
        let end = byteStart == Origin.noByte ? column + 1 : column + Int(byteEnd - byteStart)
        return SourceSpan(
            file: file, start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: end))
    }
}

/// One word as keepalived's default tokeniser splits it: quotes removed from a quoted word.
public struct ExpandedWord: Sendable, Hashable {
    // In this order the flag fills the origin's tail padding: 40 bytes a word instead of 48
    // (a large file has hundreds of thousands of words).
    public var text: String
    public var origin: Origin
    public var isQuoted: Bool

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
    /// The words of a `.words` line. Brace lines store none: their one word is made on demand.
    var storedWords: WordList
    /// The line's text when it is not simply its words joined by single spaces (most lines are,
    /// and then no string is built unless someone asks).
    var storedText: String?
    public var origin: Origin

    /// The line's text is not just its words joined by single spaces (a quoted word, a run of
    /// blanks): comparing the words alone does not compare the text.
    package var hasOwnText: Bool { storedText != nil }

    public var words: WordList {
        get {
            switch kind {
            case .words: return storedWords
            case .openBrace: return [ExpandedWord(text: "{", origin: origin)]
            case .closeBrace: return [ExpandedWord(text: "}", origin: origin)]
            }
        }
        set { storedWords = newValue }
    }

    /// The number of words without building the brace lines' word.
    public var wordCount: Int { kind == .words ? storedWords.count : 1 }

    /// The text of the first word (the keyword, or the brace).
    public var firstWordText: String? {
        switch kind {
        case .words: return storedWords.first?.text
        case .openBrace: return "{"
        case .closeBrace: return "}"
        }
    }

    /// The line's text after expansion and comment removal, before word splitting. Script keywords
    /// (`notify`, `script`, ...) re-split it with their own quoting rules.
    public var text: String {
        get {
            if let storedText { return storedText }
            switch kind {
            case .openBrace: return "{"
            case .closeBrace: return "}"
            case .words: return LogicalLine.joined(storedWords)
            }
        }
        set { storedText = newValue }
    }

    static func joined(_ words: WordList) -> String {
        if words.count == 1 { return words[0].text }
        var text = ""
        for (index, word) in words.enumerated() {
            if index > 0 { text += " " }
            text += word.text
        }
        return text
    }

    public static func == (lhs: LogicalLine, rhs: LogicalLine) -> Bool {
        lhs.kind == rhs.kind && lhs.origin == rhs.origin && lhs.words == rhs.words && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(origin)
        hasher.combine(words)
    }
}

// The initialisers live in an extension and end in the memberwise one: a struct built by a
// custom initialiser's field stores is copied once more (and the copy destroyed) when appended
// to an array, which for a line costs a retain and a release per reference in it.
extension LogicalLine {
    public init(kind: Kind, words: [ExpandedWord], text: String, origin: Origin) {
        self.init(kind: kind, storedWords: kind == .words ? WordList(words) : [], storedText: text, origin: origin)
    }

    /// A line of words; `text` nil when it is the words joined by single spaces.
    init(words: WordList, origin: Origin, text: String? = nil) {
        self.init(kind: .words, storedWords: words, storedText: text, origin: origin)
    }

    /// A brace line.
    init(brace kind: Kind, origin: Origin) {
        self.init(kind: kind, storedWords: [], storedText: nil, origin: origin)
    }
}

/// The expansion of one root file.
public struct ExpandedConfig: Sendable {
    /// The root file's path as given.
    public var rootPath: String
    public var lines: [LogicalLine]
    /// Every file read, by path: its source (for rendering source lines and fix-its), comments
    /// and, unless the options said otherwise, its lossless tree.
    public var files: [String: ExpandedFile]
    /// KA1xx diagnostics of every file read plus those of expansion itself.
    public var diagnostics: [Diagnostic]

    public init(rootPath: String, lines: [LogicalLine], files: [String: ExpandedFile], diagnostics: [Diagnostic]) {
        self.rootPath = rootPath
        self.lines = lines
        self.files = files
        self.diagnostics = diagnostics
    }
}
