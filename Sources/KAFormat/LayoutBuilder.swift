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
        case .blank:
            if definitionContinues {
                // Inside a multi-line definition keepalived 2.2.7's parent process skips a line of
                // blanks while its children (which read a copy where it became empty) end the
                // definition there. Only the line exactly as written keeps both readings.
                lines.append(LayoutLine(
                    kind: .comment, depth: 0, text: tokens[line.tokens.lowerBound].start..<tokens[line.tokens.upperBound - 1].end,
                    startDepth: depth, endDepth: depth))
            } else {
                lines.append(.blank(required: false, depth: depth))
            }
        case .comment(let token):
            let range = trimmedComment(token)
            lines.append(LayoutLine(
                kind: .comment, depth: definitionContinues ? depth + 1 : depth, text: range,
                startDepth: depth, endDepth: depth))
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
                && last.end > last.start && tree.source.bytes[last.end - 1] == UInt8(ascii: "\\")
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

    /// A comment without trailing blanks, unless dropping them would leave a lone backslash at
    /// its end: keepalived's decomment pairs each backslash of the line with the byte after it,
    /// and one left alone at the end is glued to the line's last word (`eth0 # x\ ` means
    /// `eth0`, `eth0 # x\` means `eth0\`). Then only the CRs keepalived strips at the end of a
    /// line go.
    private func trimmedComment(_ token: Int) -> Range<Int> {
        let range = tokens[token].range
        let bytes = tree.source.bytes
        let trimmed = ByteClass.trimTrailingBlanks(bytes, start: range.lowerBound, end: range.upperBound)
        guard trimmed < range.upperBound, Self.endsInLoneBackslash(bytes[range.lowerBound..<trimmed]) else {
            return range.lowerBound..<trimmed
        }
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x0D { end -= 1 }
        if Self.endsInLoneBackslash(bytes[range.lowerBound..<end]) { return range.lowerBound..<trimmed }
        return range.lowerBound..<end
    }

    /// keepalived pairs every backslash of a line with the byte after it (decomment), and a lone
    /// one at the end continues a `$NAME=` definition or is glued to the last word. When the
    /// text kept ends in a lone backslash that the bytes after it paired in the file
    /// (`$D=a\\\r `: no continuation), the line stays as written up to its end, less the CRs
    /// keepalived strips there.
    private mutating func keepPairingOfLastBackslash(from textStart: Int, first: Int, line: PhysicalLine) {
        guard Self.endsInLoneBackslash(store[textStart...]), let lastToken = line.tokens.last else { return }
        let bytes = tree.source.bytes
        var end = tokens[lastToken].end
        while end > first, bytes[end - 1] == 0x0D { end -= 1 }
        guard !Self.endsInLoneBackslash(bytes[first..<end]) else { return }
        store.removeSubrange(textStart...)
        store.append(contentsOf: bytes[first..<end])
    }

    /// The same before a comment: keepalived cuts the comment, then strips the spaces and tabs
    /// before it, so a lone backslash there continues the line unless a byte other than those
    /// paired it (`$i=\\\r!`); then that byte stays between the text and the comment.
    private mutating func keepPairingBeforeComment(from textStart: Int, first: Int, commentStart: Int) {
        guard Self.endsInLoneBackslash(store[textStart...]) else { return }
        let bytes = tree.source.bytes
        var end = commentStart
        while end > first, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard !Self.endsInLoneBackslash(bytes[first..<end]) else { return }
        store.removeSubrange(textStart...)
        store.append(contentsOf: bytes[first..<end])
    }

    /// `include` with nothing after it but a CR, VT or FF (`include\r\t`) is still an include to
    /// keepalived (any white space after the keyword counts, and only spaces and tabs are
    /// stripped before the end or a comment, CRs only at the very end); printed bare it becomes
    /// the word `include`. Those bytes stay.
    private mutating func keepIncludeSeparator(from textStart: Int, keyword: Int, line: PhysicalLine, comment: Int?) {
        let bytes = tree.source.bytes
        guard tokens[keyword].kind == .word, ByteClass.includeKeywords.contains(where: { $0[...] == bytes[tokens[keyword].range] }),
            let lastToken = line.tokens.last
        else { return }
        var end = comment.map { tokens[$0].start } ?? tokens[lastToken].end
        if comment == nil {
            while end > tokens[keyword].end, bytes[end - 1] == 0x0D { end -= 1 }
        }
        while end > tokens[keyword].end, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > tokens[keyword].end else { return }
        store.append(contentsOf: bytes[tokens[keyword].end..<end])
        // A CR last on the line would be stripped with the newline: a blank keeps it.
        if comment == nil, store.last == 0x0D { store.append(0x20) }
    }

    /// Whether pairing each backslash with the byte after it, left to right, leaves one at the end.
    static func endsInLoneBackslash(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == 0x5C else {
                index += 1
                continue
            }
            if index + 1 == bytes.endIndex { return true }
            index += 2
        }
        return false
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
        if comment == nil {
            if tokens[significant.upperBound].kind == .includePattern, store.last == 0x0D {
                // keepalived keeps a CR that ends an include pattern when blanks follow it
                // (read_line strips CRs only at the very end, decomment the blanks after):
                // one space keeps it from becoming the end of the line.
                store.append(0x20)
            } else {
                trimTrailingCarriageReturns(from: textStart)
            }
            if layout != .sealed { keepPairingOfLastBackslash(from: textStart, first: first, line: line) }
        } else if let comment, layout != .sealed {
            keepPairingBeforeComment(from: textStart, first: first, commentStart: tokens[comment].start)
        }
        keepIncludeSeparator(from: textStart, keyword: significant.upperBound, line: line, comment: comment)
        newLine.text = textStart..<store.count
        if layout == .raw { newLine.rawIndentation = tokens[line.tokens.lowerBound].start..<first }
        newLine.comment = comment.map(trimmedComment)
        lines.append(newLine)
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
    /// a free statement and only comments and blank lines follow it.
    private func openBraceTarget() -> Int? {
        guard let target = lines.lastIndex(where: { $0.kind == .code }), lines[target].acceptsOpenBrace,
            lines[target].text.upperBound == store.count,
            lines[target].text.count + 2 <= keepalivedMaximumLineLength
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
