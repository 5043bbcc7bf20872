/// Splits a file's bytes into tokens the way keepalived 2.2.7's line reader sees them
/// (`lib/parser.c`: `decomment`, `read_line`, `alloc_strvec_r`), while keeping every byte:
/// whitespace, newlines and comments are tokens too, so the tokens concatenate to the input.
///
/// Rules that matter:
/// - `!` and `#` start a comment anywhere outside double quotes (also inside a word: `ab#c`).
///   `\#` and `\!` are literal; a backslash protects the byte after it from comment or quote handling.
/// - A `"` starts a quoted token up to the next `"` on the line; without one, the rest of the line
///   is an unterminated quote (keepalived then also keeps `#` and `!` literally).
/// - `{` and `}` outside quotes are always tokens of their own, and what follows a brace is a new
///   logical line (keepalived re-runs its line pipeline on the residue).
/// - At the start of a logical line: `@id`/`@^id` prefixes, `$NAME=value` definitions (with `\`
///   continuation lines), `~SEQ(...)`/`~SEQx(...)`/`~LST(...)` prefixes and `include*` directives,
///   whose operand is one raw pattern.
/// Linear time, no recursion, total on any bytes.
public struct Lexer {
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        lex(bytes).tokens
    }

    /// The tokens and, from the same pass, the line table and the tokens the line checks report.
    static func lex(_ bytes: [UInt8]) -> LexedFile {
        bytes.withUnsafeBufferPointer { buffer in
            ByteClass.table.withUnsafeBufferPointer { classes in
                // Configuration files average three to four bytes a token and twenty a line.
                let (tokens, (lineStarts, notable)) = [Token].build(capacity: buffer.count / 3 + 16) { tokens in
                    [UInt32].build(capacity: buffer.count / 16 + 2) { lineStarts in
                        var lexer = LexerState(bytes: buffer, classes: classes, tokens: tokens, lineStarts: lineStarts)
                        lexer.run()
                        tokens = lexer.tokens
                        lineStarts = lexer.lineStarts
                        return lexer.notable
                    }
                }
                return LexedFile(tokens: tokens, lineStarts: lineStarts, notable: notable)
            }
        }
    }

    /// The tokens `Parser.findings` reads, which has the line table already, in batches: no
    /// whitespace token is stored (two in five of a configuration's tokens), the words of a line
    /// that only blanks separate are one token (see `LexerState.lexWord`), and no line table is
    /// built. Every other token is the same as `lex(_:)`'s, in the same order.
    ///
    /// Batches of about `tokensPerBatch` tokens: `body` gets each batch's tokens and notable
    /// tokens (indices into the batch), and whether it is the last.
    /// A batch ends after a newline that nothing the parser looks ahead for follows (see
    /// `LexerState.run(tokenBudget:)`), so the parser can take the batches one by one.
    static func lexFindings(
        _ bytes: [UInt8], tokensPerBatch: Int, _ body: (_ tokens: [Token], _ notable: [Int], _ isLast: Bool) -> Void
    ) {
        bytes.withUnsafeBufferPointer { buffer in
            ByteClass.table.withUnsafeBufferPointer { classes in
                var lexer = LexerState(
                    bytes: buffer, classes: classes, tokens: AppendBuffer(), lineStarts: AppendBuffer(), findingsOnly: true)
                var isLast = false
                while !isLast {
                    // A batch runs past its budget only to the end of a line (or a few lines).
                    let (tokens, notable) = [Token].build(capacity: tokensPerBatch + 64) { tokens in
                        lexer.tokens = tokens
                        isLast = lexer.run(tokenBudget: tokensPerBatch)
                        tokens = lexer.tokens
                        lexer.tokens = AppendBuffer()
                        defer { lexer.notable = [] }
                        return lexer.notable
                    }
                    body(tokens, notable, isLast)
                }
            }
        }
    }
}

/// What one pass of the lexer found.
struct LexedFile {
    var tokens: [Token]
    /// Byte offset at which each line starts, equal to `SourceFile(path:bytes:).lineStarts`
    /// (empty when lexed for the findings only).
    var lineStarts: [UInt32]
    /// Tokens the line checks look at, in file order: unterminated quotes, `@id` prefixes, and
    /// words ending in `\` that are the last significant token of their line.
    var notable: [Int]
}

struct LexerState {
    let bytes: UnsafeBufferPointer<UInt8>
    /// `ByteClass.table`, 256 entries, indexed by a byte.
    let classes: UnsafeBufferPointer<ByteClass.Kind>
    var tokens: AppendBuffer<Token>
    var lineStarts: AppendBuffer<UInt32>
    /// No whitespace token is stored and no line table built (see `Lexer.lexFindings`).
    let findingsOnly: Bool
    /// The kind of the last token lexed, stored or not.
    var lastKind: TokenKind?
    /// Where the current physical line starts.
    var lineStart = 0
    var notable: [Int] = []
    /// A word ending in `\` on the current line, reported if nothing significant follows it.
    var backslashWord = -1
    var index = 0
    /// True at the start of a physical line and right after a brace.
    var atLogicalLineStart = true
    /// True while the lines that follow belong to a multi-line `$NAME=` definition.
    var inDefinitionContinuation = false

    init(
        bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ByteClass.Kind>, tokens: AppendBuffer<Token>,
        lineStarts: AppendBuffer<UInt32>, findingsOnly: Bool = false
    ) {
        self.bytes = bytes
        self.classes = classes
        self.tokens = tokens
        self.lineStarts = lineStarts
        self.findingsOnly = findingsOnly
        if !findingsOnly { self.lineStarts.append(0) }
    }

    @inline(__always)
    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        lastKind = kind
        if findingsOnly, kind == .whitespace { return }
        tokens.append(Token(kind: kind, start: start, end: end))
    }

    @inline(__always)
    func kind(at index: Int) -> ByteClass.Kind { classes[Int(bytes[index])] }

    mutating func run() { _ = run(tokenBudget: Int.max) }

    /// Lexes to the end of the bytes (returning true), or returns false after the first newline
    /// once at least `tokenBudget` tokens are stored and the parser needs nothing before it: no
    /// definition continues past it, and the next significant byte (after blank and comment
    /// lines) is not a `{` that the last statement would open.
    mutating func run(tokenBudget: Int) -> Bool {
        let count = bytes.count
        while index < count {
            let byteKind = kind(at: index)
            switch byteKind {
            case .lineFeed:
                lexNewline(width: 1)
                if tokens.count >= tokenBudget, batchMayEnd() { return false }
                continue
            case .carriageReturn where index + 1 < count && bytes[index + 1] == 0x0A:
                lexNewline(width: 2)
                if tokens.count >= tokenBudget, batchMayEnd() { return false }
                continue
            case .blank, .carriageReturn:
                let start = index
                // decomment strips only spaces and tabs at the start of a line: after a CR, VT or
                // FF there, `@id`, `$NAME=`, `~SEQ(` and `include` are plain words to keepalived.
                // (Asked only at a logical line's start: this is the lexer's busiest case.)
                let startsPhysicalLine = atLogicalLineStart && (lastKind.map { $0 == .newline } ?? true)
                lexWhitespace()
                if startsPhysicalLine, bytes[start..<index].contains(where: { !ByteClass.isSpaceOrTab($0) }) {
                    atLogicalLineStart = false
                }
                continue
            default:
                break
            }
            if inDefinitionContinuation {
                lexDefinitionContinuationLine()
                continue
            }
            switch byteKind {
            case .comment:
                lexComment()
            case .openBrace, .closeBrace:
                emit(byteKind == .openBrace ? .openBrace : .closeBrace, index, index + 1)
                index += 1
                atLogicalLineStart = true
            case .quote:
                atLogicalLineStart = false
                lexQuoted()
            case .directive where atLogicalLineStart:
                if !lexLineDirective() {
                    atLogicalLineStart = false
                    lexWord()
                }
            default:
                atLogicalLineStart = false
                lexWord()
            }
        }
        endLine()
        return true
    }

    /// At the start of a line: whether a batch of tokens may end here (see `run(tokenBudget:)`).
    func batchMayEnd() -> Bool {
        guard !inDefinitionContinuation else { return false }
        var cursor = index
        while cursor < bytes.count {
            switch kind(at: cursor) {
            case .blank, .carriageReturn, .lineFeed: cursor += 1
            case .comment: cursor = ByteClass.endOfLineContent(bytes, from: cursor)
            case .openBrace: return false
            default: return true
            }
        }
        return true
    }

    mutating func lexNewline(width: Int) {
        // An empty physical line ends a multi-line definition early (read_line has dropped the
        // CRs of a line of CRs, which is empty to it too), and so does one of white space that
        // keepalived does not strip (a VT or FF), which is the definition's last line.
        if inDefinitionContinuation {
            let line = bytes[lineStart..<index]
            let text = KeepalivedLine.textEnd(of: line)
            if KeepalivedLine.isEmptyToReadLine(line) || (!text.isEmpty && !text.endsInBackslash) {
                inDefinitionContinuation = false
            }
        }
        endLine()
        emit(.newline, index, index + width)
        index += width
        lineStart = index
        if !findingsOnly { lineStarts.append(UInt32(truncatingIfNeeded: index)) }
        atLogicalLineStart = true
    }

    /// At a newline or the end: a word ending in `\` that nothing significant follows is reported.
    @inline(__always)
    mutating func endLine() {
        guard backslashWord >= 0 else { return }
        if (backslashWord + 1..<tokens.count).allSatisfy({ tokens[$0].kind.isTrivia }) { notable.append(backslashWord) }
        backslashWord = -1
    }

    /// Spaces, tabs, `\f`, `\v` and a `\r` that is not part of `\r\n`.
    mutating func lexWhitespace() {
        let start = index
        let count = bytes.count
        while index < count {
            let byteKind = kind(at: index)
            if byteKind == .blank || (byteKind == .carriageReturn && !(index + 1 < count && bytes[index + 1] == 0x0A)) {
                index += 1
            } else {
                break
            }
        }
        emit(.whitespace, start, index)
    }

    mutating func lexComment() {
        let start = index
        index = ByteClass.endOfLineContent(bytes, from: index)
        emit(.comment, start, index)
    }

    mutating func lexQuoted() {
        let start = index
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != 0x0A {
            cursor += 1
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
            index = cursor + 1
            emit(.quoted, start, index)
        } else {
            index = ByteClass.endOfLineContent(bytes, from: start)
            notable.append(tokens.count)
            emit(.unterminatedQuote, start, index)
        }
    }

    /// A bare word: ends at whitespace, `"`, a brace, a comment character or the line end;
    /// a backslash carries a following `#` or `!` with it (so `\#` and `\!` stay in the word).
    /// Called on a byte that starts a word, so the word is never empty.
    ///
    /// Lexing for the findings only, the words that follow on the line with nothing but blanks
    /// between them become one token: the parser asks of them only that they are significant
    /// (the tokens of the generated 5,000-instance file: 297,219 to 226,716). A comment glued to
    /// the last word keeps that word a token of its own (it names the word keepalived really
    /// reads), and a run that ends in `\\` is still the line's notable word: nothing significant
    /// follows it either way.
    mutating func lexWord() {
        let start = index
        var end = wordEnd(from: start)
        if findingsOnly {
            var lastStart = start
            var previousEnd = start
            while true {
                var next = end
                while next < bytes.count, kind(at: next) == .blank { next += 1 }
                guard next > end, next < bytes.count, kind(at: next).rawValue < ByteClass.Kind.wordStop else { break }
                previousEnd = end
                lastStart = next
                end = wordEnd(from: next)
            }
            if lastStart > start, end < bytes.count, kind(at: end) == .comment {
                emit(.word, start, previousEnd)
                index = lastStart
                lexWordEnding(at: end)
                return
            }
        }
        lexWordEnding(at: end)
    }

    @inline(__always)
    mutating func lexWordEnding(at end: Int) {
        let start = index
        index = end
        if bytes[index - 1] == UInt8(ascii: "\\") { backslashWord = tokens.count }
        emit(.word, start, index)
    }

    /// Where the word starting at `start` ends (at least one byte on).
    @inline(__always)
    func wordEnd(from start: Int) -> Int {
        let count = bytes.count
        var cursor = start
        while cursor < count {
            let byteKind = kind(at: cursor)
            if byteKind.rawValue < ByteClass.Kind.backslash.rawValue {
                cursor += 1
            } else if byteKind == .backslash {
                let next = cursor + 1 < count ? bytes[cursor + 1] : 0
                cursor += next == UInt8(ascii: "#") || next == UInt8(ascii: "!") ? 2 : 1
            } else {
                break
            }
        }
        return cursor > start ? cursor : start + 1  // defensive: always make progress
    }

    /// Recognises `@id`, `$NAME=`, `~SEQ(`/`~LST(` and `include*` at the start of a logical line.
    mutating func lexLineDirective() -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "@") {
            let start = index
            // The id runs to the first space or tab of the line as decomment leaves it, which ends
            // at its comment (a `#` or `!` outside double quotes that no backslash pairs).
            let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
            var cursor = index + 1
            while cursor < contentEnd, !ByteClass.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
            index = cursor
            notable.append(tokens.count)
            emit(.conditional, start, index)
            return true  // still at the logical line start: what follows is the line itself
        }
        if byte == UInt8(ascii: "$"), let nameEnd = ByteClass.definitionNameEnd(bytes, from: index) {
            lexDefinition(equalsAt: nameEnd)
            return true
        }
        if byte == UInt8(ascii: "~"), let end = ByteClass.sequencePrefixEnd(bytes, from: index) {
            emit(.sequence, index, end)
            index = end
            return true
        }
        if byte == UInt8(ascii: "i"), let keywordEnd = ByteClass.includeKeywordEnd(bytes, from: index) {
            emit(.word, index, keywordEnd)
            // check_include skips the one blank after the keyword, then spaces and tabs only: a
            // lone CR, VT or FF after them is the pattern's first byte, not white space.
            var patternStart = keywordEnd + 1
            while patternStart < bytes.count, ByteClass.isSpaceOrTab(bytes[patternStart]) { patternStart += 1 }
            emit(.whitespace, keywordEnd, patternStart)
            index = patternStart
            let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
            let patternEnd = ByteClass.includePatternEnd(bytes, start: patternStart, contentEnd: contentEnd)
            if patternEnd > patternStart { emit(.includePattern, patternStart, patternEnd) }
            index = patternEnd
            if contentEnd > patternEnd { emit(.whitespace, patternEnd, contentEnd); index = contentEnd }
            atLogicalLineStart = false
            return true
        }
        return false
    }

    /// `$NAME=value`: the value runs to a comment or the end of the line; a final `\` continues it.
    mutating func lexDefinition(equalsAt _: Int) {
        let start = index
        let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
        let end = ByteClass.trimTrailingBlanks(bytes, start: start, end: contentEnd)
        emit(.definition, start, end)
        index = end
        inDefinitionContinuation = continuesDefinition(from: start, contentEnd: contentEnd)
        if contentEnd > end { emit(.whitespace, end, contentEnd); index = contentEnd }
        atLogicalLineStart = false
    }

    /// Whether keepalived reads the rest of the line from `start` as ending in `\\`, the mark of a
    /// continued definition: a value that ends in one, or a comment that ends in a lone one
    /// (decomment puts it back: `$N=a !c\\` continues).
    func continuesDefinition(from start: Int, contentEnd: Int) -> Bool {
        KeepalivedLine.continuesDefinition(bytes[start..<ByteClass.endOfLineContent(bytes, from: contentEnd)])
    }

    /// A line inside a multi-line definition. keepalived skips lines that are blank or only a
    /// comment without ending the definition; only an empty physical line ends it early.
    mutating func lexDefinitionContinuationLine() {
        let byte = bytes[index]
        if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "!") {
            lexComment()
            return
        }
        let start = index
        let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
        let end = ByteClass.trimTrailingBlanks(bytes, start: start, end: contentEnd)
        emit(.definitionContinuation, start, max(end, start))
        index = max(end, start)
        if contentEnd > end { emit(.whitespace, end, contentEnd); index = contentEnd }
        inDefinitionContinuation = continuesDefinition(from: start, contentEnd: contentEnd)
        atLogicalLineStart = false
    }
}

