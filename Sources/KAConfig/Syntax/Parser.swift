/// Builds the lossless block structure of one file. It knows nothing of keywords: a statement is
/// the significant tokens of a logical line, and a `{` after it (on the same line or a later one)
/// opens its block. Errors never stop it: a stray `}` becomes its own node, a missing `}` is
/// reported at the `{` it should close, and parsing goes on.
public enum Parser {
    public static func parse(_ source: SourceFile) -> SyntaxTree {
        build(source, Lexer.lex(source.bytes))
    }

    public static func parse(path: String, bytes: [UInt8]) -> SyntaxTree {
        let lexed = Lexer.lex(bytes)
        // The lexer saw every line end, so the line table needs no pass of its own.
        return build(SourceFile(path: path, bytes: bytes, lineStarts: lexed.lineStarts), lexed)
    }

    public static func parse(path: String, text: String) -> SyntaxTree {
        parse(path: path, bytes: SourceFile.bytes(of: text))
    }

    static func build(_ source: SourceFile, _ lexed: LexedFile) -> SyntaxTree {
        var state = ParserState(source: source, tokens: lexed.tokens)
        state.run()
        state.checkLines(notable: lexed.notable.map { lexed.tokens[$0] })
        return SyntaxTree(
            source: source, tokens: lexed.tokens, nodes: state.nodes, rootChildren: state.rootChildren,
            trailing: state.trailing, diagnostics: state.diagnostics)
    }

    /// What the tree of `source` would report and its comments, without building the tree or
    /// holding the file's tokens: the lexer hands the parser a few thousand tokens at a time,
    /// each batch ending at a line the parser needs nothing before (see
    /// `LexerState.run(tokenBudget:)`), in a buffer small enough that the next batch's comes
    /// from the same freed memory. For an analysis that keeps no trees; the tokens of a 2 MB file
    /// took 2.7 MB.
    static func findings(
        _ source: SourceFile, tokensPerBatch: Int = findingsBatchTokens
    ) -> (diagnostics: [Diagnostic], comments: [FileComment]) {
        var state = ParserState(source: source, tokens: [], buildsNodes: false)
        var comments: [FileComment] = []
        var notable: [Token] = []
        Lexer.lexFindings(source.bytes, tokensPerBatch: tokensPerBatch) { tokens, batchNotable, isLast in
            state.tokens = tokens
            state.pos = 0
            state.run(isLastBatch: isLast)
            comments.append(contentsOf: FileComment.all(in: tokens, bytes: source.bytes))
            for index in batchNotable { notable.append(tokens[index]) }
        }
        state.tokens = []
        state.checkLines(notable: notable)
        return (state.diagnostics, comments)
    }

    /// 4,096 tokens of 12 bytes: under glibc's 128 KB mapping threshold, so each batch's buffer
    /// comes from the heap the last one went back to, not from fresh pages.
    static let findingsBatchTokens = 4096
}

/// keepalived reads with `fgets` into a 1024-byte buffer: 1022 bytes of content, `\n`, NUL.
public let keepalivedMaximumLineLength = 1022

struct ParserState {
    let source: SourceFile
    /// All of the file's tokens, or the current batch of them (`Parser.findings`).
    var tokens: [Token]
    /// false: only the findings are wanted; no node is stored.
    let buildsNodes: Bool
    var pos = 0
    var nodes: [SyntaxNode] = []
    var diagnostics: [Diagnostic] = []
    /// The blocks not closed yet, innermost last, with where their children start in
    /// `openChildren`, and for a block never closed the bytes of its `{` and its head's first
    /// word token (not token indices: the tokens may be an earlier batch's).
    var openStack: [(node: Int, firstChild: Int, brace: Range<Int>, keyword: Token?)] = []
    /// The children found so far of every open block, outermost block's first. A block takes its
    /// own off the end when it closes, so each children array is built once at its final size.
    var openChildren: [Int] = []
    /// How many entries of `openChildren` are in use (the rest is kept for reuse).
    var openChildCount = 0
    var rootChildren: [Int] = []
    var trailing: Range<Int> = 0..<0

    init(source: SourceFile, tokens: [Token], buildsNodes: Bool = true) {
        self.source = source
        self.tokens = tokens
        self.buildsNodes = buildsNodes
        if buildsNodes { nodes.reserveCapacity(tokens.count / 6 + 1) }
    }

    /// Parses `tokens` from `pos`. When they are not the last batch of the file, the batch ends
    /// where no statement's lookahead reaches past it, and the open blocks stay open.
    mutating func run(isLastBatch: Bool = true) {
        let count = tokens.count
        while true {
            let leadingStart = pos
            while pos < count, tokens[pos].kind.isTrivia { pos += 1 }
            if pos == count {
                if isLastBatch { finishAtEndOfFile(leadingStart: leadingStart) }
                return
            }
            switch tokens[pos].kind {
            case .closeBrace:
                pos += 1
                consumeSameLineTrivia()
                if !openStack.isEmpty {
                    closeBlock(close: leadingStart..<pos, isClosed: true)
                } else {
                    let brace = closeBraceIndex(in: leadingStart..<pos)
                    append(.strayCloseBrace, head: leadingStart..<pos)
                    diagnostics.append(BraceFindings.extraClose(source, tokenBytes(brace)))
                }
            case .openBrace:
                let braceIndex = pos
                pos += 1
                consumeSameLineTrivia()
                openBlock(.bareBlock, head: leadingStart..<leadingStart, open: leadingStart..<pos)
                diagnostics.append(BraceFindings.unexpectedOpen(source, tokenBytes(braceIndex)))
            default:
                parseStatement(leadingStart: leadingStart)
            }
        }
    }

    mutating func parseStatement(leadingStart: Int) {
        let count = tokens.count
        var lastSignificant = pos
        var isDefinition = false
        // The significant tokens of this logical line: up to a newline or a brace.
        while pos < count {
            let kind = tokens[pos].kind
            if kind == .newline || kind == .openBrace || kind == .closeBrace { break }
            if !kind.isTrivia {
                lastSignificant = pos
                if kind == .definition { isDefinition = true }
            }
            pos += 1
        }
        if isDefinition {
            // Continuation lines belong to the definition.
            var probe = lastSignificant + 1
            while true {
                var scan = probe
                while scan < count, tokens[scan].kind.isTrivia { scan += 1 }
                guard scan < count, tokens[scan].kind == .definitionContinuation else { break }
                lastSignificant = scan
                probe = scan + 1
            }
        }
        pos = lastSignificant + 1
        let headEnd = pos
        if !isDefinition {
            // A block: the next significant token is `{`, possibly after newlines and comments.
            var scan = pos
            while scan < count, tokens[scan].kind.isTrivia { scan += 1 }
            if scan < count, tokens[scan].kind == .openBrace {
                pos = scan + 1
                consumeSameLineTrivia()
                openBlock(.statement, head: leadingStart..<headEnd, open: headEnd..<pos)
                return
            }
        }
        consumeSameLineTrivia()
        if buildsNodes { append(isDefinition ? .definition : .statement, head: leadingStart..<pos) }
    }

    /// Whitespace and a comment up to (not including) the newline.
    mutating func consumeSameLineTrivia() {
        while pos < tokens.count, tokens[pos].kind == .whitespace || tokens[pos].kind == .comment {
            pos += 1
        }
    }

    /// Adds a node under the innermost open block (or at the top level) and returns its index.
    @discardableResult
    mutating func append(_ kind: SyntaxNode.Kind, head: Range<Int>, block: consuming SyntaxBlock? = nil) -> Int {
        guard buildsNodes else { return -1 }
        let index = nodes.count
        let parent = openStack.last?.node
        if parent == nil {
            rootChildren.append(index)
        } else if openChildCount < openChildren.count {
            openChildren[openChildCount] = index
            openChildCount += 1
        } else {
            openChildren.append(index)
            openChildCount += 1
        }
        nodes.append(SyntaxNode(kind: kind, head: head, block: block, parent: parent))
        return index
    }

    mutating func openBlock(_ kind: SyntaxNode.Kind, head: Range<Int>, open: Range<Int>) {
        let index =
            buildsNodes
            ? append(kind, head: head, block: SyntaxBlock(open: open, close: open.upperBound..<open.upperBound, isClosed: false))
            : -1
        var brace = head.lowerBound
        for token in open where tokens[token].kind == .openBrace {
            brace = token
            break
        }
        var keyword: Token?
        for token in head where tokens[token].kind == .word || tokens[token].kind == .quoted {
            keyword = tokens[token]
            break
        }
        openStack.append((node: index, firstChild: openChildCount, brace: tokenBytes(brace), keyword: keyword))
    }

    /// Closes the innermost open block and hands it its children.
    mutating func closeBlock(close: Range<Int>, isClosed: Bool) {
        let (node, firstChild, _, _) = openStack.removeLast()
        guard buildsNodes else { return }
        let children = firstChild < openChildCount ? Array(openChildren[firstChild..<openChildCount]) : []
        openChildCount = firstChild
        nodes[node].block?.finish(close: close, isClosed: isClosed, children: children)
    }

    mutating func finishAtEndOfFile(leadingStart: Int) {
        for (_, _, brace, keywordToken) in openStack.reversed() {
            diagnostics.append(BraceFindings.neverClosed(source, brace: brace, keyword: keywordToken.map { firstWord(of: $0) }))
        }
        while !openStack.isEmpty { closeBlock(close: leadingStart..<leadingStart, isClosed: false) }
        trailing = leadingStart..<tokens.count
    }

    /// The bytes of the first word of a word or quoted token: lexed for the findings only, a
    /// word token may be a run of words (see `LexerState.lexWord`).
    func firstWord(of token: Token) -> Range<Int> {
        let range = token.range
        if token.kind == .word, let blank = source.bytes[range].firstIndex(where: { ByteClass.table[Int($0)] == .blank }) {
            return range.lowerBound..<blank
        }
        return range
    }

    /// The bytes of token `token` (the end of the file when there is none).
    func tokenBytes(_ token: Int) -> Range<Int> {
        token < tokens.count ? tokens[token].range : source.bytes.count..<source.bytes.count
    }

    func closeBraceIndex(in range: Range<Int>) -> Int {
        range.first { tokens[$0].kind == .closeBrace } ?? range.lowerBound
    }

    /// An `@id` prefix needs a space or tab after the id in the line as keepalived reads it (the
    /// CRs at its end, the comment and the blanks before them gone): `@id # x` is as empty as
    /// `@id#x`, and `@id` + space + VT leaves no word. After a brace on the same line the
    /// prefix is read from the rest of the line.
    func conditionalIsEmpty(_ token: Token) -> Bool {
        // The line from the `@` on, as decomment leaves it: after a brace (`a{}@ `) the `@` starts
        // the rest of the line, which keepalived reads as a line of its own.
        let start = token.start
        let line = source.lineBytes(source.location(of: start).line)
        let text = KeepalivedLine.text(of: line[max(start, line.startIndex)...])
        guard text.first == UInt8(ascii: "@") else { return false }
        let idStart = text.count > 1 && text[1] == UInt8(ascii: "^") ? 2 : 1
        guard let blank = text.dropFirst(idStart).firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else { return true }
        // What follows may be white space that decomment keeps (a VT): no word either way.
        return text[blank...].allSatisfy(NumberReader.isWhitespace)
    }

    /// Line-level facts keepalived's reader reacts to: over-long lines, NUL bytes, unterminated
    /// quotes, a trailing backslash outside definitions, `@id` with nothing after it. The lexer
    /// found the candidate tokens (`notable`) on its pass, so this looks at no other token.
    mutating func checkLines(notable: [Token]) {
        checkLineLengths()
        checkNulBytes()
        for token in notable {
            switch token.kind {
            case .unterminatedQuote:
                diagnostics.append(Diagnostic(
                    SyntaxRules.unterminatedQuote,
                    "unterminated double quote; keepalived reports \"Unmatched quote\" and ignores the rest of the line",
                    at: source.span(token.start..<token.start + 1)))
            case .conditional:
                if conditionalIsEmpty(token) {
                    diagnostics.append(Diagnostic(
                        SyntaxRules.emptyConditional, "'\(source.text(token.range))' has nothing after it; keepalived drops the line",
                        at: source.span(token.range)))
                }
            default:
                // A line whose last word ends in `\` (outside definitions): keepalived glues it to the word.
                diagnostics.append(Diagnostic(
                    SyntaxRules.lineContinuation,
                    "a trailing '\\' does not continue the line (only $NAME= definitions continue); keepalived glues it to the last word",
                    at: source.span(token.end - 1..<token.end)))
            }
        }
    }

    mutating func checkLineLengths() {
        let bytes = source.bytes
        let starts = source.lineStarts
        for lineIndex in 0..<starts.count {
            let start = starts[lineIndex]
            let isLast = lineIndex + 1 == starts.count
            var end = isLast ? bytes.count : starts[lineIndex + 1] - 1
            guard end - start > keepalivedMaximumLineLength else { continue }
            if !isLast, end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let length = end - start
            if length > keepalivedMaximumLineLength {
                diagnostics.append(Diagnostic(
                    SyntaxRules.lineTooLong,
                    "line is \(length) bytes long; keepalived 2.2.7 reads at most \(keepalivedMaximumLineLength) and reads the rest as a separate line",
                    at: source.span(start + keepalivedMaximumLineLength..<end)))
            }
        }
    }

    mutating func checkNulBytes() {
        let bytes = source.bytes
        let starts = source.lineStarts
        var searchFrom = 0
        while let nul = ByteSearch.firstIndex(of: 0, in: bytes, from: searchFrom) {
            diagnostics.append(Diagnostic(
                SyntaxRules.embeddedNul, "NUL byte in the line; keepalived stops reading the line there",
                at: source.span(nul..<nul + 1)))
            // One report per line is enough.
            let line = source.location(of: nul).line
            searchFrom = line < starts.count ? starts[line] : bytes.count
        }
    }
}

/// The findings about braces, worded once for the parser and `SimpleFindings`.
enum BraceFindings {
    static func extraClose(_ source: SourceFile, _ brace: Range<Int>) -> Diagnostic {
        Diagnostic(SyntaxRules.extraCloseBrace, "'}' closes no block; keepalived reports \"Extra '}' found\"", at: source.span(brace))
    }

    static func unexpectedOpen(_ source: SourceFile, _ brace: Range<Int>) -> Diagnostic {
        Diagnostic(
            SyntaxRules.unexpectedOpenBrace,
            "'{' follows no keyword; keepalived ignores it and reads the block's lines into the enclosing block",
            at: source.span(brace))
    }

    /// `keyword`: the bytes of the first word of the block's head (nil for a bare `{`).
    static func neverClosed(_ source: SourceFile, brace: Range<Int>, keyword: Range<Int>?) -> Diagnostic {
        let named = keyword.map { "'\(source.text($0))' " } ?? ""
        return Diagnostic(
            SyntaxRules.missingCloseBrace,
            "the \(named)block opened here is never closed; keepalived reports missing '}'s at the end of the file",
            at: source.span(brace))
    }
}
