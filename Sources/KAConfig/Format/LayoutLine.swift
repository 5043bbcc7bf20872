/// One line of the formatted output, before indentation, blank-line rules and comment alignment.
struct LayoutLine {
    enum Kind: Equatable {
        /// An empty line. `required` when it ends a multi-line `$NAME=` definition: keepalived
        /// ends the definition only at an empty line, so that one must never be dropped.
        case blank(required: Bool)
        /// A comment on a line of its own; also a line of blanks inside a multi-line definition,
        /// kept as written (`text` is then its source range and `depth` 0).
        case comment
        case code
    }

    var kind: Kind
    /// Indentation level (four spaces each).
    var depth: Int
    /// For code: the text without indentation, a range of the builder's text store.
    /// For a comment: the comment's range in the source.
    var text: Range<Int>
    /// A trailing comment (source range), code only.
    var comment: Range<Int>?
    /// Kept indentation bytes (source range) of a raw line; nil means `depth` levels of spaces.
    var rawIndentation: Range<Int>?
    /// Block depth before and after the line.
    var startDepth: Int
    var endDepth: Int
    /// A free statement that a `{` on a following line may join.
    var acceptsOpenBrace = false
    /// The line starts with `}`: no blank line goes before it.
    var startsWithClose = false
    /// A `}` on this line closed a top-level block.
    var closesTopLevelBlock = false
    /// A `{` on this line opened a top-level block.
    var opensTopLevelBlock = false

    static func blank(required: Bool, depth: Int) -> LayoutLine {
        LayoutLine(kind: .blank(required: required), depth: depth, text: 0..<0, startDepth: depth, endDepth: depth)
    }

    var isBlank: Bool {
        if case .blank = kind { return true }
        return false
    }

    var isRequiredBlank: Bool { kind == .blank(required: true) }
}
