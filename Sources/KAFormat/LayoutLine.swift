import KAConfig

/// One line of the formatted output, before indentation, blank-line rules and comment alignment.
/// Stored compactly (32-bit offsets, flag bits): a 2 MB file has about 100,000 of these, and the
/// blank-line pass and the printer walk them all.
struct LayoutLine {
    enum Kind: UInt8 {
        /// An empty line.
        case blank
        /// An empty line that ends a multi-line `$NAME=` definition: keepalived ends the
        /// definition only at an empty line, so this one is never dropped.
        case requiredBlank
        /// A comment on a line of its own; also a line of blanks inside a multi-line definition,
        /// kept as written (`text` is then its source range and `depth` 0).
        case comment
        case code
    }

    var kind: Kind
    private var flags: UInt8 = 0
    private var storedDepth: Int32
    private var storedStartDepth: Int32
    private var storedEndDepth: Int32
    private var textStart: Int32
    private var textEnd: Int32
    private var commentStart: Int32 = -1
    private var commentEnd: Int32 = -1
    private var rawStart: Int32 = -1
    private var rawEnd: Int32 = -1

    init(kind: Kind, depth: Int, text: Range<Int>, startDepth: Int, endDepth: Int) {
        self.kind = kind
        storedDepth = Int32(depth)
        storedStartDepth = Int32(startDepth)
        storedEndDepth = Int32(endDepth)
        textStart = Int32(text.lowerBound)
        textEnd = Int32(text.upperBound)
    }

    static func blank(required: Bool, depth: Int) -> LayoutLine {
        LayoutLine(kind: required ? .requiredBlank : .blank, depth: depth, text: 0..<0, startDepth: depth, endDepth: depth)
    }

    /// Indentation level (four spaces each).
    var depth: Int {
        get { Int(storedDepth) }
        set { storedDepth = Int32(newValue) }
    }

    /// Block depth before the line.
    var startDepth: Int {
        get { Int(storedStartDepth) }
        set { storedStartDepth = Int32(newValue) }
    }

    /// Block depth after the line.
    var endDepth: Int {
        get { Int(storedEndDepth) }
        set { storedEndDepth = Int32(newValue) }
    }

    /// For code: the text without indentation, a range of the builder's text store.
    /// For a comment: the comment's range in the source.
    var text: Range<Int> {
        get { Int(textStart)..<Int(textEnd) }
        set {
            textStart = Int32(newValue.lowerBound)
            textEnd = Int32(newValue.upperBound)
        }
    }

    /// A trailing comment (source range), code only.
    var comment: Range<Int>? {
        get { commentStart < 0 ? nil : Int(commentStart)..<Int(commentEnd) }
        set {
            commentStart = newValue.map { Int32($0.lowerBound) } ?? -1
            commentEnd = newValue.map { Int32($0.upperBound) } ?? -1
        }
    }

    /// Kept indentation bytes (source range) of a raw line; nil means `depth` levels of spaces.
    var rawIndentation: Range<Int>? {
        get { rawStart < 0 ? nil : Int(rawStart)..<Int(rawEnd) }
        set {
            rawStart = newValue.map { Int32($0.lowerBound) } ?? -1
            rawEnd = newValue.map { Int32($0.upperBound) } ?? -1
        }
    }

    /// A free statement that a `{` on a following line may join.
    var acceptsOpenBrace: Bool {
        get { flag(0) }
        set { setFlag(0, newValue) }
    }

    /// The line starts with `}`: no blank line goes before it.
    var startsWithClose: Bool {
        get { flag(1) }
        set { setFlag(1, newValue) }
    }

    /// A `}` on this line closed a top-level block.
    var closesTopLevelBlock: Bool {
        get { flag(2) }
        set { setFlag(2, newValue) }
    }

    /// A `{` for a block whose head is this line opened a top-level block.
    var opensTopLevelBlock: Bool {
        get { flag(3) }
        set { setFlag(3, newValue) }
    }

    /// The line is part of a `$NAME=` definition and ends in a backslash: the next line continues the definition,
    /// so no blank line may follow it (an empty line would end the definition there).
    var continuesDefinition: Bool {
        get { flag(4) }
        set { setFlag(4, newValue) }
    }

    /// An own-line comment that keepalived reads as text: one that ends in a lone backslash
    /// is the line `\` to it (decomment puts the backslash back).
    var readsAsText: Bool {
        get { flag(5) }
        set { setFlag(5, newValue) }
    }

    var isBlank: Bool { kind == .blank || kind == .requiredBlank }

    var isRequiredBlank: Bool { kind == .requiredBlank }

    private func flag(_ bit: UInt8) -> Bool { flags & (1 << bit) != 0 }

    private mutating func setFlag(_ bit: UInt8, _ value: Bool) {
        if value { flags |= 1 << bit } else { flags &= ~(1 << bit) }
    }
}
