import KAConfig

/// One physical line of a file as the formatter sees it: its tokens without the line terminator,
/// and how freely the formatter may re-lay it out.
struct PhysicalLine {
    /// Token indices of the line, the terminator excluded.
    var tokens: Range<Int>
    var shape: Shape

    enum Shape: Equatable {
        /// No bytes at all: keepalived's only line that ends a multi-line definition.
        case empty
        /// Only blanks.
        case blank
        /// Only a comment (with optional indentation).
        case comment(token: Int)
        /// Significant tokens, how they may be laid out, and the trailing comment token if any.
        case code(Layout, comment: Int?)
    }

    /// How much of a code line the formatter may change.
    enum Layout: Equatable {
        /// Braces may be split onto lines of their own, blank runs become one space.
        case free
        /// Kept on one line (braces stay in place) because a prefix such as `@id` applies to the
        /// whole physical line; blank runs between tokens become one space.
        case sealed
        /// The bytes from the first to the last significant token are kept as written:
        /// `$NAME=` definitions and their continuation lines, `$` references, `~SEQ`/`~LST`,
        /// `include` lines (keepalived echoes such a line in its "Unterminated quote" message),
        /// single quotes and backslashes (script keywords re-read the raw line).
        case verbatim
        /// Like verbatim, and the indentation too: it holds blanks other than space and tab,
        /// which keepalived does not strip at the start of a line.
        case raw
    }
}

extension PhysicalLine {
    /// Splits the token stream into physical lines.
    static func lines(of tree: SyntaxTree) -> [PhysicalLine] {
        var lines: [PhysicalLine] = []
        lines.reserveCapacity(tree.source.lineCount)
        forEachLine(of: tree) { lines.append($0) }
        return lines
    }

    /// Calls `body` with each physical line in order, without collecting them.
    static func forEachLine(of tree: SyntaxTree, _ body: (PhysicalLine) -> Void) {
        let tokens = tree.tokens
        var start = 0
        for index in 0...tokens.count {
            if index == tokens.count || tokens[index].kind == .newline {
                if index > start || index < tokens.count {
                    let range = start..<index
                    body(PhysicalLine(tokens: range, shape: shape(of: range, in: tree)))
                }
                start = index + 1
            }
        }
    }

    static func shape(of range: Range<Int>, in tree: SyntaxTree) -> Shape {
        let tokens = tree.tokens
        if range.isEmpty { return .empty }
        var comment: Int?
        var lastSignificant = range.lowerBound - 1
        for index in range.reversed() where !tokens[index].kind.isTrivia {
            lastSignificant = index
            break
        }
        var hasSignificant = false
        var layout = Layout.free
        var sawSignificant = false
        for index in range {
            let token = tokens[index]
            switch token.kind {
            case .comment:
                comment = index
            case .whitespace:
                if !isPlainBlank(tree.bytes(of: index)) {
                    let isTrailing = index > lastSignificant
                    if !sawSignificant {
                        layout = .raw
                    } else if !isTrailing, layout != .raw {
                        layout = .verbatim
                    }
                }
            case .conditional:
                hasSignificant = true
                sawSignificant = true
                if layout == .free { layout = .sealed }
            case .sequence, .definition, .definitionContinuation, .includePattern, .unterminatedQuote:
                hasSignificant = true
                sawSignificant = true
                if layout != .raw { layout = .verbatim }
            case .word, .quoted:
                hasSignificant = true
                sawSignificant = true
                if layout != .raw, needsVerbatim(tree.bytes(of: index), kind: token.kind) { layout = .verbatim }
            case .openBrace, .closeBrace:
                hasSignificant = true
                sawSignificant = true
            case .newline:
                break
            }
        }
        if !hasSignificant {
            if let comment { return .comment(token: comment) }
            return .blank
        }
        if layout == .free, let comment, endsInLoneBackslash(tree.bytes(of: comment)) {
            // keepalived glues a lone backslash at the end of the comment to the word before the
            // comment: splitting the line or joining a brace would move it to another word.
            layout = .verbatim
        }
        return .code(layout, comment: comment)
    }

    /// Whether decomment, pairing each backslash with the byte after it, leaves one at the end
    /// (the CRs read_line strips first do not pair it).
    static func endsInLoneBackslash(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.contains(UInt8(ascii: "\\")) else { return false }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x0D { end -= 1 }
        return KeepalivedLine.scan(bytes[..<end]).loneBackslash != nil
    }

    /// Space and tab only: what keepalived strips at the start of a line.
    static func isPlainBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    static let includePrefix = Array("include".utf8)

    /// A `$` may be a reference whose value depends on the layout around it; a backslash or a
    /// single quote matters to the script keywords, which re-read the raw line with shell-like
    /// quoting and escapes, so the blanks around such words must stay as written.
    ///
    /// A word that starts with `include` is not an include only because no blank follows it
    /// (`include{}`, or `include` alone before a `{` line): splitting or joining braces or
    /// blanks around it could put one there (`include {`, reading `{` as the file to include).
    static func needsVerbatim(_ bytes: ArraySlice<UInt8>, kind: TokenKind) -> Bool {
        if kind == .word, bytes.starts(with: includePrefix) { return true }
        for byte in bytes {
            if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\") { return true }
            if kind == .word, byte == UInt8(ascii: "'") { return true }
        }
        return false
    }
}
