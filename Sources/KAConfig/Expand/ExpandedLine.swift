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

/// Where an expanded word or line came from: 16 bytes, no references. Copying or destroying
/// millions of origins (one per word) costs no reference counting, and a word with its origin
/// is 32 bytes (hundreds of thousands of words in a large file: at 20 bytes an origin made a
/// word 40). The file and its include chain live in `OriginFileTable`, interned once per
/// opening of a file.
///
/// What 16 bytes cannot hold saturates where keepalived never reads: a column past 16,383
/// reads as 16,383 (keepalived reads 1,022 bytes of a line), and a byte range of 65,535 bytes
/// or more is not kept (`byteRange` is nil, as for text that substitution made).
public struct Origin: Sendable, Hashable {
    /// The (path, include chain) pair in `OriginFileTable.shared`.
    var fileID: UInt32
    var storedLine: UInt32
    /// First byte in the file; `noByte` when the text is not literally there.
    var byteStart: UInt32
    /// The column in the low 14 bits; `isSubstituted` in the top bit; the next bit is the
    /// quoted flag of the word that holds this origin (`ExpandedWord.isQuoted`): it is not part
    /// of the place, so equality and hashing leave it out.
    var columnAndFlags: UInt16
    /// `byteEnd - byteStart`, or `unknownLength`.
    var storedLength: UInt16

    static let noByte = UInt32.max
    static let unknownLength = UInt16.max
    static let substitutedBit: UInt16 = 1 << 15
    static let quotedBit: UInt16 = 1 << 14
    static let columnMask: UInt16 = quotedBit - 1
    /// The largest column an origin holds.
    public static let maximumColumn = Int(columnMask)

    /// True when `$NAME`/`~SEQ` substitution produced or changed this text.
    public var isSubstituted: Bool {
        get { columnAndFlags & Origin.substitutedBit != 0 }
        set { columnAndFlags = newValue ? columnAndFlags | Origin.substitutedBit : columnAndFlags & ~Origin.substitutedBit }
    }

    /// The flag `ExpandedWord` keeps here (in the origin's spare bit, not a byte of its own).
    var quotedFlag: Bool {
        get { columnAndFlags & Origin.quotedBit != 0 }
        set { columnAndFlags = newValue ? columnAndFlags | Origin.quotedBit : columnAndFlags & ~Origin.quotedBit }
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
        get { Int(columnAndFlags & Origin.columnMask) }
        set { columnAndFlags = columnAndFlags & ~Origin.columnMask | Origin.clampedColumn(newValue) }
    }

    /// Where the text ends in the file (`noByte` when its range is not kept).
    var byteEnd: UInt32 {
        get {
            byteStart == Origin.noByte || storedLength == Origin.unknownLength
                ? Origin.noByte : byteStart + UInt32(storedLength)
        }
        set { storedLength = Origin.length(from: byteStart, to: newValue) }
    }

    /// Byte range in `file`, when the word is literally there (not produced by substitution).
    public var byteRange: Range<Int>? {
        get {
            byteStart == Origin.noByte || storedLength == Origin.unknownLength
                ? nil : Int(byteStart)..<(Int(byteStart) + Int(storedLength))
        }
        set {
            guard let newValue, newValue.upperBound < Int(Origin.noByte) else {
                byteStart = Origin.noByte
                storedLength = Origin.unknownLength
                return
            }
            byteStart = UInt32(newValue.lowerBound)
            storedLength = Origin.length(from: byteStart, to: UInt32(newValue.upperBound))
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
        self.columnAndFlags = Origin.clampedColumn(column) | (isSubstituted ? Origin.substitutedBit : 0)
        self.byteStart = Origin.noByte
        self.storedLength = Origin.unknownLength
        self.byteRange = byteRange
    }

    /// The line's origin for a plain word: no substitution, bytes literally in the file.
    @inline(__always)
    init(fileID: UInt32, line: UInt32, column: UInt32, bytes: Range<Int>) {
        self.fileID = fileID
        self.storedLine = line
        self.columnAndFlags = UInt16(truncatingIfNeeded: min(column, UInt32(Origin.columnMask)))
        if bytes.upperBound < Int(Origin.noByte) {
            self.byteStart = UInt32(truncatingIfNeeded: bytes.lowerBound)
            self.storedLength = Origin.length(from: byteStart, to: UInt32(truncatingIfNeeded: bytes.upperBound))
        } else {
            self.byteStart = Origin.noByte
            self.storedLength = Origin.unknownLength
        }
    }

    /// Lines beyond 4 billion cannot come from a readable file; they saturate.
    static func clamped(_ value: Int) -> UInt32 { UInt32(clamping: value) }
    /// Columns saturate at `maximumColumn`.
    static func clampedColumn(_ value: Int) -> UInt16 { UInt16(min(max(value, 0), Int(columnMask))) }

    /// A range's length as stored: `unknownLength` when there is no start or it does not fit.
    @inline(__always)
    static func length(from start: UInt32, to end: UInt32) -> UInt16 {
        guard start != noByte, end != noByte, end >= start, end - start < UInt32(unknownLength) else { return unknownLength }
        return UInt16(truncatingIfNeeded: end - start)
    }

    public var span: SourceSpan {
        let end = byteRange.map { column + $0.count } ?? column + 1
        return SourceSpan(
            file: file, start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: end))
    }

    public static func == (lhs: Origin, rhs: Origin) -> Bool {
        lhs.fileID == rhs.fileID && lhs.storedLine == rhs.storedLine && lhs.byteStart == rhs.byteStart
            && lhs.columnAndFlags & ~quotedBit == rhs.columnAndFlags & ~quotedBit && lhs.storedLength == rhs.storedLength
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fileID)
        hasher.combine(storedLine)
        hasher.combine(byteStart)
        hasher.combine(columnAndFlags & ~Origin.quotedBit)
        hasher.combine(storedLength)
    }
}

/// One word as keepalived's default tokeniser splits it: quotes removed from a quoted word.
/// 32 bytes: the quoted flag lives in a spare bit of the origin.
public struct ExpandedWord: Sendable, Hashable {
    public var text: String
    public var origin: Origin

    /// The word was written in double quotes (they are not in `text`).
    public var isQuoted: Bool {
        get { origin.quotedFlag }
        set { origin.quotedFlag = newValue }
    }

    public init(text: String, isQuoted: Bool = false, origin: Origin) {
        self.text = text
        self.origin = origin
        self.origin.quotedFlag = isQuoted
    }

    /// A packed word's: the origin holds the quoted flag already.
    @inline(__always)
    init(text: String, packedOrigin: Origin) {
        self.text = text
        self.origin = packedOrigin
    }

    public static func == (lhs: ExpandedWord, rhs: ExpandedWord) -> Bool {
        lhs.text == rhs.text && lhs.origin == rhs.origin && lhs.isQuoted == rhs.isQuoted
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(origin)
        hasher.combine(isQuoted)
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
        // The text alone (the walker asks it of every line): no origin made.
        case .words: return storedWords.isEmpty ? nil : storedWords.withText(0) { $0.pointee }
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
