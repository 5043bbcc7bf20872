/// Builds the lossless block structure of one file. It knows nothing of keywords: a statement is
/// the significant tokens of a logical line, and a `{` after it (on the same line or a later one)
/// opens its block. Errors never stop it: a stray `}` becomes its own node, a missing `}` is
/// reported at the `{` it should close, and parsing goes on.
public enum Parser {
    public static func parse(_ source: SourceFile) -> SyntaxTree {
        let tokens = Lexer.tokenize(source.bytes)
        var state = ParserState(source: source, tokens: tokens)
        state.run()
        state.linkChildren()
        state.checkLines()
        return SyntaxTree(
            source: source, tokens: tokens, nodes: state.nodes, rootChildren: state.rootChildren,
            trailing: state.trailing, diagnostics: state.diagnostics)
    }

    public static func parse(path: String, bytes: [UInt8]) -> SyntaxTree {
        parse(SourceFile(path: path, bytes: bytes))
    }

    public static func parse(path: String, text: String) -> SyntaxTree {
        parse(SourceFile(path: path, text: text))
    }
}

/// keepalived reads with `fgets` into a 1024-byte buffer: 1022 bytes of content, `\n`, NUL.
public let keepalivedMaximumLineLength = 1022

struct ParserState {
    let source: SourceFile
    let tokens: [Token]
    var pos = 0
    var nodes: [SyntaxNode] = []
    var diagnostics: [Diagnostic] = []
    var openStack: [Int] = []
    var rootChildren: [Int] = []
    var trailing: Range<Int> = 0..<0

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
        nodes.reserveCapacity(tokens.count / 6 + 1)
    }

    mutating func run() {
        let count = tokens.count
        while true {
            let leadingStart = pos
            while pos < count, tokens[pos].kind.isTrivia { pos += 1 }
            if pos == count {
                finishAtEndOfFile(leadingStart: leadingStart)
                return
            }
            switch tokens[pos].kind {
            case .closeBrace:
                pos += 1
                consumeSameLineTrivia()
                if let open = openStack.popLast() {
                    nodes[open].block!.close = leadingStart..<pos
                    nodes[open].block!.isClosed = true
                } else {
                    let brace = closeBraceIndex(in: leadingStart..<pos)
                    append(SyntaxNode(kind: .strayCloseBrace, head: leadingStart..<pos, parent: nil))
                    report(SyntaxRules.extraCloseBrace, "'}' closes no block; keepalived reports \"Extra '}' found\"", token: brace)
                }
            case .openBrace:
                let braceIndex = pos
                pos += 1
                consumeSameLineTrivia()
                let node = SyntaxNode(
                    kind: .bareBlock, head: leadingStart..<leadingStart,
                    block: SyntaxBlock(open: leadingStart..<pos, close: pos..<pos, isClosed: false),
                    parent: openStack.last)
                let index = append(node)
                openStack.append(index)
                report(SyntaxRules.unexpectedOpenBrace, "'{' follows no keyword; keepalived ignores it and reads the block's lines into the enclosing block", token: braceIndex)
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
                let node = SyntaxNode(
                    kind: .statement, head: leadingStart..<headEnd,
                    block: SyntaxBlock(open: headEnd..<pos, close: pos..<pos, isClosed: false),
                    parent: openStack.last)
                let index = append(node)
                openStack.append(index)
                return
            }
        }
        consumeSameLineTrivia()
        append(SyntaxNode(kind: isDefinition ? .definition : .statement, head: leadingStart..<pos, parent: openStack.last))
    }

    /// Whitespace and a comment up to (not including) the newline.
    mutating func consumeSameLineTrivia() {
        while pos < tokens.count, tokens[pos].kind == .whitespace || tokens[pos].kind == .comment {
            pos += 1
        }
    }

    @discardableResult
    mutating func append(_ node: SyntaxNode) -> Int {
        let index = nodes.count
        nodes.append(node)
        if node.parent == nil { rootChildren.append(index) }
        return index
    }

    /// Fills every block's children from the nodes' parent links, in one pass after parsing
    /// (appending through `nodes[parent].block!` while parsing would copy arrays).
    mutating func linkChildren() {
        var children = [[Int]](repeating: [], count: nodes.count)
        for index in nodes.indices {
            if let parent = nodes[index].parent { children[parent].append(index) }
        }
        for index in nodes.indices where !children[index].isEmpty {
            nodes[index].block?.children = children[index]
        }
    }

    mutating func finishAtEndOfFile(leadingStart: Int) {
        for open in openStack.reversed() {
            nodes[open].block!.close = leadingStart..<leadingStart
            let brace = nodes[open].block!.openBraceToken(in: tokens) ?? nodes[open].head.lowerBound
            let keyword = firstWord(of: open).map { "'\($0)' " } ?? ""
            report(
                SyntaxRules.missingCloseBrace,
                "the \(keyword)block opened here is never closed; keepalived reports missing '}'s at the end of the file",
                token: brace)
        }
        openStack.removeAll()
        trailing = leadingStart..<tokens.count
    }

    func firstWord(of node: Int) -> String? {
        for index in nodes[node].head where tokens[index].kind == .word || tokens[index].kind == .quoted {
            return source.text(tokens[index].range)
        }
        return nil
    }

    func closeBraceIndex(in range: Range<Int>) -> Int {
        range.first { tokens[$0].kind == .closeBrace } ?? range.lowerBound
    }

    mutating func report(_ rule: DiagnosticRule, _ message: String, token: Int) {
        let range = token < tokens.count ? tokens[token].range : source.bytes.count..<source.bytes.count
        diagnostics.append(Diagnostic(rule, message, at: source.span(range)))
    }

    /// Line-level facts keepalived's reader reacts to: over-long lines, NUL bytes, unterminated
    /// quotes, a trailing backslash outside definitions, `@id` with nothing after it.
    mutating func checkLines() {
        let bytes = source.bytes
        let starts = source.lineStarts
        for lineIndex in 0..<starts.count {
            let start = starts[lineIndex]
            var end = lineIndex + 1 < starts.count ? starts[lineIndex + 1] - 1 : bytes.count
            if lineIndex + 1 < starts.count, end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let length = end - start
            if length > keepalivedMaximumLineLength {
                diagnostics.append(Diagnostic(
                    SyntaxRules.lineTooLong,
                    "line is \(length) bytes long; keepalived 2.2.7 reads at most \(keepalivedMaximumLineLength) and reads the rest as a separate line",
                    at: source.span(start + keepalivedMaximumLineLength..<end)))
            }
        }
        var searchFrom = 0
        while searchFrom < bytes.count, let nul = bytes[searchFrom...].firstIndex(of: 0) {
            diagnostics.append(Diagnostic(
                SyntaxRules.embeddedNul, "NUL byte in the line; keepalived stops reading the line there",
                at: source.span(nul..<nul + 1)))
            // One report per line is enough.
            let line = source.location(of: nul).line
            searchFrom = line < starts.count ? starts[line] : bytes.count
        }
        var previousSignificant: Int?
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .unterminatedQuote:
                diagnostics.append(Diagnostic(
                    SyntaxRules.unterminatedQuote,
                    "unterminated double quote; keepalived reports \"Unmatched quote\" and ignores the rest of the line",
                    at: source.span(token.start..<token.start + 1)))
            case .conditional:
                let next = index + 1 < tokens.count ? tokens[index + 1].kind : .newline
                if next != .whitespace {
                    diagnostics.append(Diagnostic(
                        SyntaxRules.emptyConditional, "'\(source.text(token.range))' has nothing after it; keepalived drops the line",
                        at: source.span(token.range)))
                }
            case .newline:
                checkTrailingBackslash(previousSignificant)
                previousSignificant = nil
                continue
            default:
                break
            }
            if !token.kind.isTrivia { previousSignificant = index }
        }
        checkTrailingBackslash(previousSignificant)
    }

    /// A line whose last word ends in `\` (outside definitions): keepalived glues it to the word.
    mutating func checkTrailingBackslash(_ last: Int?) {
        guard let last, tokens[last].kind == .word, tokens[last].end > tokens[last].start,
            source.bytes[tokens[last].end - 1] == UInt8(ascii: "\\")
        else { return }
        diagnostics.append(Diagnostic(
            SyntaxRules.lineContinuation,
            "a trailing '\\' does not continue the line (only $NAME= definitions continue); keepalived glues it to the last word",
            at: source.span(tokens[last].end - 1..<tokens[last].end)))
    }
}
