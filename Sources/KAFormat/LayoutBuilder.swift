import KAConfig

/// Turns the physical lines of a file into output lines: one statement per line, braces split
/// onto the lines where the canonical style wants them, comments attached to the token before
/// them. Indentation, blank-line rules and comment alignment come later (`BlankLines`,
/// `LayoutPrinter`).
///
/// Meaning is kept because keepalived reads lines and splits braces itself: `a { b }` and
/// `a {` / `b` / `}` give it the same logical lines. Lines whose text keepalived treats as a
/// whole (a `@id` prefix drops the whole physical line; `$`, `~SEQ`, definitions, includes,
/// script quoting) are never split or joined; see `PhysicalLine.Layout`.
struct LayoutBuilder {
    let tree: SyntaxTree
    /// The text of code lines; `LayoutLine.text` points into it.
    private(set) var store: [UInt8] = []
    private(set) var lines: [LayoutLine] = []
    private var depth = 0
    /// The last definition line ended in `\`: the following lines continue it.
    private var definitionContinues = false

    private let tokens: [Token]

    init(tree: SyntaxTree) {
        self.tree = tree
        tokens = tree.tokens
        store.reserveCapacity(tree.source.bytes.count)
        lines.reserveCapacity(tree.source.lineCount + tree.source.lineCount / 4)
    }

    mutating func build() {
        PhysicalLine.forEachLine(of: tree) { add($0) }
    }

    private mutating func add(_ line: PhysicalLine) {
        switch line.shape {
        case .empty:
            lines.append(.blank(required: definitionContinues, depth: depth))
            definitionContinues = false
        case .blank where KeepalivedLine.isEmptyToReadLine(tree.source.bytes[lineRange(line)]):
            // Only CRs: read_line sees an empty line, which ends a multi-line definition.
            lines.append(.blank(required: definitionContinues, depth: depth))
            definitionContinues = false
        case .blank:
            if definitionContinues {
                // Inside a multi-line definition keepalived 2.2.7's parent process skips a line of
                // blanks while its children (which read a copy where it became empty) end the
                // definition there. Only the line exactly as written keeps both readings, less
                // the CRs read_line strips at its end.
                let text = withoutTrailingCarriageReturns(lineRange(line))
                lines.append(LayoutLine(kind: .comment, depth: 0, text: text, startDepth: depth, endDepth: depth))
                // A VT or FF is text to keepalived: the line is the definition's last.
                if !KeepalivedLine.textEnd(of: tree.source.bytes[text]).isEmpty { definitionContinues = false }
            } else {
                lines.append(.blank(required: false, depth: depth))
            }
        case .comment where definitionContinues && !KeepalivedLine.textEnd(of: tree.source.bytes[lineRange(line)]).isEmpty:
            // keepalived reads text here: a CR, VT or FF before the comment, or the comment's
            // lone final backslash. The line stays as written (less the CRs read_line strips),
            // and it is the definition's last unless what keepalived reads ends in `\`.
            let whole = lineRange(line)
            let trimmed = ByteClass.trimTrailingBlanks(tree.source.bytes, start: whole.lowerBound, end: whole.upperBound)
            let text = whole.lowerBound..<keptEnd(whole, candidate: trimmed)
            lines.append(LayoutLine(kind: .comment, depth: 0, text: text, startDepth: depth, endDepth: depth))
            definitionContinues = KeepalivedLine.continuesDefinition(tree.source.bytes[whole])
        case .comment(let token):
            let range = trimmedComment(token)
            var comment = LayoutLine(
                kind: .comment, depth: definitionContinues ? depth + 1 : depth, text: range,
                startDepth: depth, endDepth: depth)
            // The comment as printed decides (a VT before it is not printed, so it cannot hold
            // a brace down on one pass and let it join on the next).
            // Only outside a continued `$NAME=` definition: inside one the line is the definition's.
            comment.readsAsText = !definitionContinues && !KeepalivedLine.textEnd(of: tree.source.bytes[range]).isEmpty
            lines.append(comment)
        case .code(let layout, let comment):
            let significant = significantRange(line.tokens)
            if tokens[significant.lowerBound].kind == .definitionContinuation {
                addWhole(significant, layout: layout, comment: comment, line: line, extraDepth: 1)
            } else if layout == .free {
                addFree(significant, comment: comment)
            } else {
                addWhole(significant, layout: layout, comment: comment, line: line, extraDepth: 0)
            }
            let last = tokens[significant.upperBound]
            definitionContinues = (last.kind == .definition || last.kind == .definitionContinuation)
                && KeepalivedLine.continuesDefinition(tree.source.bytes[last.start..<lineRange(line).upperBound])
            if definitionContinues, let code = lines.lastIndex(where: { $0.kind == .code }) {
                lines[code].continuesDefinition = true
            }
        }
    }

    /// From the first to the last significant token of a line that has one (trivia between
    /// them included: loops skip it).
    private func significantRange(_ range: Range<Int>) -> ClosedRange<Int> {
        var first = range.lowerBound
        while tokens[first].kind.isTrivia { first += 1 }
        var last = range.upperBound - 1
        while tokens[last].kind.isTrivia { last -= 1 }
        return first...last
    }

    /// The bytes of a physical line, its newline excluded.
    private func lineRange(_ line: PhysicalLine) -> Range<Int> {
        tokens[line.tokens.lowerBound].start..<tokens[line.tokens.upperBound - 1].end
    }

    /// A comment without its trailing blanks, unless dropping them changes what keepalived reads
    /// of it: decomment pairs each backslash of the line with the byte after it, and one left
    /// alone at the end is glued to the line's last word (`eth0 # x\ ` means `eth0`, `eth0 # x\`
    /// means `eth0\`). Then only the CRs keepalived strips at the end of a line go.
    private func trimmedComment(_ token: Int) -> Range<Int> {
        let range = tokens[token].range
        let trimmed = ByteClass.trimTrailingBlanks(tree.source.bytes, start: range.lowerBound, end: range.upperBound)
        return range.lowerBound..<keptEnd(range, candidate: trimmed)
    }

    /// `candidate` when `bytes[range.lowerBound..<candidate]` reads as `range` does to keepalived,
    /// else the end of `range` less the CRs that read_line strips anyway.
    private func keptEnd(_ range: Range<Int>, candidate: Int) -> Int {
        let bytes = tree.source.bytes
        if KeepalivedLine.text(of: bytes[range.lowerBound..<candidate]) == KeepalivedLine.text(of: bytes[range]) {
            return candidate
        }
        return withoutTrailingCarriageReturns(range).upperBound
    }

    /// `range` less the CRs at its end, which read_line strips.
    private func withoutTrailingCarriageReturns(_ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound, tree.source.bytes[end - 1] == 0x0D { end -= 1 }
        return range.lowerBound..<end
    }

    // MARK: Lines kept whole

    private mutating func addWhole(
        _ significant: ClosedRange<Int>, layout: PhysicalLine.Layout, comment: Int?, line: PhysicalLine, extraDepth: Int
    ) {
        let startDepth = depth
        var leadingCloses = 0
        for index in significant where !tokens[index].kind.isTrivia {
            guard tokens[index].kind == .closeBrace else { break }
            leadingCloses += 1
        }
        var newLine = LayoutLine(
            kind: .code, depth: max(0, depth - leadingCloses) + extraDepth, text: 0..<0, startDepth: startDepth,
            endDepth: startDepth)
        for index in significant where !tokens[index].kind.isTrivia {
            switch tokens[index].kind {
            case .openBrace:
                if index == significant.lowerBound {
                    markHeadOpensBlock()
                } else if depth == 0 {
                    newLine.opensTopLevelBlock = true
                }
                depth += 1
            case .closeBrace:
                depth = max(0, depth - 1)
                if depth == 0 { newLine.closesTopLevelBlock = true }
            default:
                break
            }
        }
        newLine.endDepth = depth
        newLine.startsWithClose = leadingCloses > 0
        let first = tokens[significant.lowerBound].start
        let last = tokens[significant.upperBound].end
        let textStart = store.count
        if layout == .sealed {
            appendJoined(significant)
        } else {
            store.append(contentsOf: tree.source.bytes[first..<last])
        }
        var printedComment = comment.map(trimmedComment)
        if comment == nil { trimTrailingCarriageReturns(from: textStart) }
        if layout != .sealed, !readsAsWritten(from: textStart, comment: printedComment, line: line, first: first) {
            // A CR, VT or FF, a backslash or the blanks at the line's end matter here: the line
            // is printed as written, less what keepalived strips at its end anyway.
            let written = first..<lineRange(line).upperBound
            let end = keptEnd(written, candidate: ByteClass.trimTrailingBlanks(tree.source.bytes, start: first, end: written.upperBound))
            store.removeSubrange(textStart...)
            store.append(contentsOf: tree.source.bytes[first..<end])
            printedComment = nil
        }
        newLine.text = textStart..<store.count
        if layout == .raw { newLine.rawIndentation = tokens[line.tokens.lowerBound].start..<first }
        newLine.comment = printedComment
        lines.append(newLine)
    }

    /// Whether keepalived reads the printed text and comment as it reads the line from `first`
    /// on (the indentation before it is printed apart).
    private func readsAsWritten(from textStart: Int, comment: Range<Int>?, line: PhysicalLine, first: Int) -> Bool {
        var printed = Array(store[textStart...])
        if let comment {
            printed.append(0x20)
            printed.append(contentsOf: tree.source.bytes[comment])
        }
        return KeepalivedLine.text(of: printed) == KeepalivedLine.text(of: tree.source.bytes[first..<lineRange(line).upperBound])
    }

    /// A lone `\r` that ends a token (an `@` or `~SEQ(` line keeps it in its token) would become
    /// the `\r` of a `\r\n` once the line is printed with its newline, and the next run would
    /// drop it. keepalived strips carriage returns at the end of every line, so dropping them
    /// here means the same and prints a fixed point. Before a comment they are not at the end:
    /// keepalived keeps them (`include \r\r#x` includes the file named by the two CRs).
    private mutating func trimTrailingCarriageReturns(from start: Int) {
        while store.count > start, store[store.count - 1] == 0x0D { store.removeLast() }
    }

    /// Appends tokens to the store, each run of blanks between them as one space. Tokens that
    /// touch stay touching: `abc"d e"` is two words to keepalived but one to its script reader.
    private mutating func appendJoined(_ range: ClosedRange<Int>) {
        var pendingSpace = false
        for index in range {
            let kind = tokens[index].kind
            if kind == .whitespace || kind == .comment {
                pendingSpace = true
                continue
            }
            if pendingSpace { store.append(0x20) }
            pendingSpace = false
            store.append(contentsOf: tree.bytes(of: index))
        }
    }

    // MARK: Free lines

    private mutating func addFree(_ significant: ClosedRange<Int>, comment: Int?) {
        var pieceFirst: Int?
        var pieceLast = 0
        var lastFromThisLine: Int?
        for index in significant where !tokens[index].kind.isTrivia {
            switch tokens[index].kind {
            case .openBrace:
                if let first = pieceFirst {
                    lastFromThisLine = emitPiece(first...pieceLast, withOpenBrace: true)
                    pieceFirst = nil
                } else if index == significant.lowerBound, let target = openBraceTarget() {
                    lastFromThisLine = joinOpenBrace(to: target)
                } else {
                    lastFromThisLine = emitBrace(open: true)
                }
            case .closeBrace:
                if let first = pieceFirst {
                    emitPiece(first...pieceLast, withOpenBrace: false)
                    pieceFirst = nil
                }
                lastFromThisLine = emitBrace(open: false)
            default:
                if pieceFirst == nil { pieceFirst = index }
                pieceLast = index
            }
        }
        if let first = pieceFirst {
            lastFromThisLine = emitPiece(first...pieceLast, withOpenBrace: false)
            lines[lastFromThisLine!].acceptsOpenBrace = true
        }
        if let comment, let target = lastFromThisLine {
            // A comment stays with the token before it, unless that line already has one.
            if lines[target].comment == nil {
                lines[target].comment = trimmedComment(comment)
            } else {
                lines.append(LayoutLine(
                    kind: .comment, depth: depth, text: trimmedComment(comment), startDepth: depth, endDepth: depth))
            }
        }
    }

    @discardableResult
    private mutating func emitPiece(_ range: ClosedRange<Int>, withOpenBrace: Bool) -> Int {
        let textStart = store.count
        appendJoined(range)
        trimTrailingCarriageReturns(from: textStart)
        var newLine = LayoutLine(kind: .code, depth: depth, text: textStart..<textStart, startDepth: depth, endDepth: depth)
        if withOpenBrace {
            store.append(contentsOf: [0x20, UInt8(ascii: "{")])
            if depth == 0 { newLine.opensTopLevelBlock = true }
            depth += 1
            newLine.endDepth = depth
        }
        newLine.text = textStart..<store.count
        lines.append(newLine)
        return lines.count - 1
    }

    private mutating func emitBrace(open: Bool) -> Int {
        let textStart = store.count
        store.append(UInt8(ascii: open ? "{" : "}"))
        var newLine = LayoutLine(kind: .code, depth: depth, text: textStart..<store.count, startDepth: depth, endDepth: depth)
        if open {
            markHeadOpensBlock()
            depth += 1
        } else {
            depth = max(0, depth - 1)
            newLine.depth = depth
            newLine.startsWithClose = true
            newLine.closesTopLevelBlock = depth == 0
        }
        newLine.endDepth = depth
        lines.append(newLine)
        return lines.count - 1
    }

    /// A `{` that starts a line opens the block of the last code line: at top level that line
    /// is where the blank line before the block goes.
    private mutating func markHeadOpensBlock() {
        guard depth == 0, let head = lines.lastIndex(where: { $0.kind == .code }) else { return }
        lines[head].opensTopLevelBlock = true
    }

    /// The statement a `{` at the start of a free line may join: the last code line, when it is
    /// a free statement and only comments and blank lines follow it, none of which keepalived
    /// reads as text: below a comment that is the line `\` to it, the `{` stays below
    /// (`_` / `!\` / `{` joined would read `_ { \` instead of `_ \ {`).
    private func openBraceTarget() -> Int? {
        guard let target = lines.lastIndex(where: { $0.kind == .code }), lines[target].acceptsOpenBrace,
            lines[target].text.upperBound == store.count,
            lines[target].text.count + 2 <= keepalivedMaximumLineLength,
            !lines[(target + 1)...].contains(where: \.readsAsText)
        else { return nil }
        return target
    }

    /// `keyword` / `{` becomes `keyword {`; comments between them move into the block.
    private mutating func joinOpenBrace(to target: Int) -> Int {
        let between = lines[(target + 1)...].filter { $0.kind == .comment }
        lines.removeSubrange((target + 1)...)
        store.append(contentsOf: [0x20, UInt8(ascii: "{")])
        lines[target].text = lines[target].text.lowerBound..<store.count
        lines[target].acceptsOpenBrace = false
        if depth == 0 { lines[target].opensTopLevelBlock = true }
        depth += 1
        lines[target].endDepth = depth
        for var comment in between {
            comment.depth = depth
            comment.startDepth = depth
            comment.endDepth = depth
            lines.append(comment)
        }
        return target
    }
}
