/// `Parser.findings` for the common file, in one pass over its bytes with no tokens: a file of
/// words, quoted strings, blanks, braces, comments and line ends only. For such a file the
/// parser's findings are the brace findings (a `}` that closes nothing, a `{` that follows no
/// keyword, blocks never closed) and the comments, and both follow from the bytes directly. For
/// a large file this pass runs beside the expansion and the binder on a 2-core machine: the
/// lexer and parser took 71 M instructions at 5,000 instances, about a sixth of the whole lint.
///
/// Double-quoted strings closed on their line count as words. Anything else gives nil, and the
/// caller runs the parser: an unterminated quote, a backslash outside quotes and comments, a
/// NUL anywhere, a lone CR outside quotes and comments, a line longer than keepalived reads, and
/// at the start of a logical line an `@`, `$` or `~` (conditionals, definitions, sequences) or
/// an `include` keyword (whose operand is read raw). Tests and the analysis fuzzer hold it to
/// the parser.
package enum SimpleFindings {
    static func scan(_ source: SourceFile) -> (diagnostics: [Diagnostic], comments: [FileComment])? {
        let bytes = source.bytes
        // The parser reports each NUL: a file with one is its to judge (found at memchr's pace).
        guard ByteSearch.firstIndex(of: 0, in: bytes, from: 0) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            ByteClass.table.withUnsafeBufferPointer { classes in
                var scan = SimpleFindingsScan(bytes: buffer, classes: classes)
                guard scan.run() else { return nil }
                var diagnostics: [Diagnostic] = []
                for finding in scan.findings {
                    switch finding {
                    case .extraClose(let brace): diagnostics.append(BraceFindings.extraClose(source, brace))
                    case .unexpectedOpen(let brace): diagnostics.append(BraceFindings.unexpectedOpen(source, brace))
                    }
                }
                for open in scan.openBlocks.reversed() {
                    diagnostics.append(BraceFindings.neverClosed(source, brace: open.brace, keyword: open.keyword))
                }
                let comments = scan.comments.map { comment in
                    FileComment(
                        range: comment.range, gluedWord: comment.gluedWord,
                        mayBeDirective: FileComment.mayBeLintDirective(bytes[comment.range]))
                }
                return (diagnostics, comments)
            }
        }
    }

    /// For the fuzzers and tests: whether the scan, where it answers, gives the parser's findings.
    package static func agreesWithParser(path: String, bytes: [UInt8]) -> Bool {
        let source = SourceFile(path: path, bytes: bytes)
        guard let fast = scan(source) else { return true }
        let slow = Parser.findings(source)
        return fast.diagnostics == slow.diagnostics && fast.comments == slow.comments
    }
}

/// The pass behind `SimpleFindings.scan`. It follows `ParserState`: a statement is the words up
/// to a line end or a brace; it opens a block when the next significant token, past line ends
/// and comments, is a `{`.
struct SimpleFindingsScan {
    enum Finding {
        case extraClose(Range<Int>)
        case unexpectedOpen(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let classes: UnsafeBufferPointer<ByteClass.Kind>
    var findings: [Finding] = []
    /// Each comment's bytes and the word glued to it.
    var comments: [(range: Range<Int>, gluedWord: Range<Int>?)] = []
    /// The blocks not closed yet, innermost last: the bytes of the `{` and of the head's first word.
    var openBlocks: [(brace: Range<Int>, keyword: Range<Int>?)] = []

    var index = 0
    var lineStart = 0
    var atLogicalLineStart = true
    /// Reading a statement's words (until a line end or a brace).
    var inStatement = false
    /// The first word of the statement being read, or of the last one read when only line ends
    /// and comments followed it (a `{` next opens its block).
    var keyword: Range<Int>?
    /// The last word's bytes (a comment right after it is glued to it).
    var wordStart = 0
    var wordEnd = -1

    init(bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ByteClass.Kind>) {
        self.bytes = bytes
        self.classes = classes
    }

    /// Scans to the end; false when the file holds something only the parser may judge.
    mutating func run() -> Bool {
        let count = bytes.count
        while index < count {
            switch classes[Int(bytes[index])] {
            case .plain, .directive:
                guard readWord() else { return false }
            case .blank:
                // Indentation comes in runs.
                index += 1
                while index < count, classes[Int(bytes[index])] == .blank { index += 1 }
            case .lineFeed:
                guard endLine(width: 1) else { return false }
            case .carriageReturn:
                guard index + 1 < count, bytes[index + 1] == 0x0A, endLine(width: 2) else { return false }
            case .comment:
                readComment()
            case .openBrace:
                let brace = index..<index + 1
                if inStatement || keyword != nil {
                    openBlocks.append((brace, keyword))
                } else {
                    findings.append(.unexpectedOpen(brace))
                    openBlocks.append((brace, nil))
                }
                afterBrace()
            case .closeBrace:
                if openBlocks.isEmpty {
                    findings.append(.extraClose(index..<index + 1))
                } else {
                    openBlocks.removeLast()
                }
                afterBrace()
            case .quote:
                guard readQuoted() else { return false }
            case .backslash:
                return false
            }
        }
        return count - lineStart <= keepalivedMaximumLineLength
    }

    /// A word: the first of a statement, or one more of the current statement.
    @inline(__always)
    mutating func readWord() -> Bool {
        let start = index
        if atLogicalLineStart {
            let byte = bytes[start]
            if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "~") { return false }
            if byte == UInt8(ascii: "i"), ByteClass.includeKeywordEnd(bytes, from: start) != nil { return false }
            atLogicalLineStart = false
        }
        index += 1
        // The lexer's word bytes, less the backslash (met next, it declines the file).
        while index < bytes.count, classes[Int(bytes[index])].rawValue < ByteClass.Kind.backslash.rawValue {
            index += 1
        }
        if !inStatement {
            // A significant token: the last statement, if no `{` came, was a plain statement.
            inStatement = true
            keyword = start..<index
        }
        wordStart = start
        wordEnd = index
        return true
    }

    /// A double-quoted string, closed on its line (it may hold braces, comment characters and
    /// backslashes: the lexer reads to the next `"`). Significant like a word, but no comment is
    /// glued to it. An unterminated one is the parser's to report.
    @inline(__always)
    mutating func readQuoted() -> Bool {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != 0x0A { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
        index += 1
        atLogicalLineStart = false
        if !inStatement {
            inStatement = true
            keyword = start..<index
        }
        wordEnd = -1
        return true
    }

    /// To the end of the line's content; glued to a word that ends where it starts.
    @inline(__always)
    mutating func readComment() {
        let start = index
        index = ByteClass.endOfLineContent(bytes, from: index)
        comments.append((start..<index, wordEnd == start ? wordStart..<wordEnd : nil))
    }

    /// A line end: the statement ends (its block may still open on a later line).
    @inline(__always)
    mutating func endLine(width: Int) -> Bool {
        guard index - lineStart <= keepalivedMaximumLineLength else { return false }
        inStatement = false
        index += width
        lineStart = index
        atLogicalLineStart = true
        return true
    }

    /// After a `{` or `}`: a new logical line, and no statement pending.
    @inline(__always)
    mutating func afterBrace() {
        inStatement = false
        keyword = nil
        index += 1
        atLogicalLineStart = true
    }
}
