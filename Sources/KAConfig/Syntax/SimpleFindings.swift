import CKAScan

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
                return (diagnostics, scan.comments)
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
///
/// It visits only the bytes that end words and lines and the first byte of each word, found 64
/// bytes at a time as bit masks (`ka_scan_mask_blocks`): at 5,000 instances about 330,000
/// places instead of 2.1 million bytes (about 15 M instructions for the whole scan, not 32 M
/// byte by byte). Of the words it needs only the first of each statement (where a directive
/// could start, and the keyword a block is named by); a comment glued to a word finds that word
/// by looking back. The state is `run`'s locals; what is rare (braces, comments) is out of line.
struct SimpleFindingsScan {
    enum Finding {
        case extraClose(Range<Int>)
        case unexpectedOpen(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let classes: UnsafeBufferPointer<ByteClass.Kind>
    var findings: [Finding] = []
    /// Each comment's bytes and the word glued to it (made here: a list of ranges mapped to
    /// comments afterwards held both at once, 1.2 MB at 20,000 instances).
    var comments: [FileComment] = []
    /// The blocks not closed yet, innermost last: the bytes of the `{` and of the head's first word.
    var openBlocks: [(brace: Range<Int>, keyword: Range<Int>?)] = []

    init(bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ByteClass.Kind>) {
        self.bytes = bytes
        self.classes = classes
    }

    @inline(__always)
    func isWordByte(_ index: Int) -> Bool { classes[Int(bytes[index])].rawValue < ByteClass.Kind.backslash.rawValue }

    /// Scans to the end; false when the file holds something only the parser may judge.
    mutating func run() -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var lineStart = 0
        // Reading a statement's words (until a line end or a brace). Until its first word, the
        // scan is at the start of a logical line.
        var inStatement = false
        // The first word of the statement being read, or of the last one read when only line
        // ends and comments followed it (a `{` next opens its block): start -1 for none, end -1
        // when not known yet (a word running past its block of 64 bytes).
        var keywordStart = -1
        var keywordEnd = -1
        // Inside a quoted string or a comment (where it starts; -1 outside), only what ends it counts.
        var quoteStart = -1
        var commentStart = -1
        // Whether the last byte of the block before was a word byte (a word going on is no start).
        var carry: UInt64 = 0
        var blockStart = 0
        // The masks of 16 blocks (1 KB) at a time: one call into C per 16 blocks.
        var specials = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                        UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var blanks = specials
        var batched = 0
        var next = 0
        while blockStart < count {
            if next == batched {
                batched = withUnsafeMutableBytes(of: &specials) { special in
                    withUnsafeMutableBytes(of: &blanks) { blank in
                        ka_scan_mask_blocks(
                            base + blockStart, count - blockStart, special.baseAddress!.assumingMemoryBound(to: UInt64.self),
                            blank.baseAddress!.assumingMemoryBound(to: UInt64.self), 16)
                    }
                }
                next = 0
            }
            let (special, blank) = withUnsafeBytes(of: &specials) { special in
                withUnsafeBytes(of: &blanks) { blank in
                    (special.load(fromByteOffset: next * 8, as: UInt64.self), blank.load(fromByteOffset: next * 8, as: UInt64.self))
                }
            }
            next += 1
            // Past the end the masks hold blanks: no word starts there.
            let word = ~(special | blank)
            var events = special | (word & ~((word &<< 1) | carry))
            carry = word &>> 63
            while events != 0 {
                let bit = events.trailingZeroBitCount
                events &= events &- 1
                let index = blockStart + bit
                let byte = bytes[index]
                guard special & (1 &<< UInt64(bit)) != 0 else {
                    // A word starts: only a statement's first word matters, where a directive
                    // or an include is the parser's to judge.
                    guard !inStatement, quoteStart < 0, commentStart < 0 else { continue }
                    if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "~") { return false }
                    if byte == UInt8(ascii: "i"), Self.startsInclude(bytes, at: index) { return false }
                    inStatement = true
                    keywordStart = index
                    // Its end, when it ends in this block.
                    let after = (special | blank) & (~0 &<< UInt64(bit))
                    keywordEnd = after == 0 ? -1 : blockStart + after.trailingZeroBitCount
                    continue
                }
                // The parser reports each NUL, wherever it is.
                guard byte != 0 else { return false }
                if quoteStart >= 0 {
                    // The lexer reads to the next `"` (braces, comment characters and backslashes
                    // too); an unterminated string is the parser's to report.
                    guard byte != 0x0A else { return false }
                    guard byte == UInt8(ascii: "\"") else { continue }
                    if !inStatement {
                        // Significant like a word, but no comment is glued to it.
                        inStatement = true
                        keywordStart = quoteStart
                        keywordEnd = index + 1
                    }
                    quoteStart = -1
                    continue
                }
                if commentStart >= 0 {
                    // To the end of the line's content: a `\n`, or the `\r` of `\r\n`.
                    guard byte == 0x0A || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) else { continue }
                    endComment(start: commentStart, end: index)
                    commentStart = -1
                }
                switch byte {
                case 0x0A:
                    // A line end: the statement ends (its block may still open on a later line).
                    guard index - lineStart <= keepalivedMaximumLineLength else { return false }
                    inStatement = false
                    lineStart = index + 1
                case 0x0D:
                    // Only as the CR of a CRLF, which ends the line (its LF, met next, ends the
                    // same line again, which changes nothing).
                    guard index + 1 < count, bytes[index + 1] == 0x0A, index - lineStart <= keepalivedMaximumLineLength else { return false }
                    inStatement = false
                    lineStart = index + 2
                case UInt8(ascii: "#"), UInt8(ascii: "!"):
                    commentStart = index
                case UInt8(ascii: "\""):
                    quoteStart = index
                case UInt8(ascii: "{"):
                    openBlock(at: index, keywordStart: inStatement || keywordStart >= 0 ? keywordStart : -1, keywordEnd: keywordEnd)
                    inStatement = false
                    keywordStart = -1
                case UInt8(ascii: "}"):
                    closeBlock(at: index)
                    inStatement = false
                    keywordStart = -1
                default:
                    // A backslash outside quotes and comments.
                    return false
                }
            }
            blockStart += 64
        }
        // A quote never closed is the parser's to report; a comment ends with the file.
        guard quoteStart < 0 else { return false }
        if commentStart >= 0 { endComment(start: commentStart, end: count) }
        return count - lineStart <= keepalivedMaximumLineLength
    }

    /// Whether the word at `index` begins an include keyword (what `include` reads is the
    /// parser's to judge). Out of line: every statement starting with `i` asks.
    @inline(never)
    static func startsInclude(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "n") && bytes[index + 2] == UInt8(ascii: "c")
            && ByteClass.includeKeywordEnd(bytes, from: index) != nil
    }

    /// A `{`: the block of the keyword starting at `keywordStart` (-1: none, a finding). The
    /// keyword's end is `keywordEnd`, or where its bare word ends when that is -1.
    @inline(never)
    mutating func openBlock(at index: Int, keywordStart: Int, keywordEnd: Int) {
        let brace = index..<index + 1
        guard keywordStart >= 0 else {
            findings.append(.unexpectedOpen(brace))
            openBlocks.append((brace, nil))
            return
        }
        var end = keywordEnd
        if end < 0 {
            end = keywordStart + 1
            while end < bytes.count, isWordByte(end) { end += 1 }
        }
        openBlocks.append((brace, keywordStart..<end))
    }

    /// A `}`: closes the innermost block, or is a finding.
    @inline(never)
    mutating func closeBlock(at index: Int) {
        if openBlocks.isEmpty {
            findings.append(.extraClose(index..<index + 1))
        } else {
            openBlocks.removeLast()
        }
    }

    /// A comment of `start..<end`, glued to a word that ends where it starts.
    @inline(never)
    mutating func endComment(start: Int, end: Int) {
        var glued: Range<Int>?
        if start > 0, isWordByte(start - 1) {
            var wordStart = start - 1
            while wordStart > 0, isWordByte(wordStart - 1) { wordStart -= 1 }
            glued = wordStart..<start
        }
        comments.append(FileComment(
            range: start..<end, gluedWord: glued,
            mayBeDirective: FileComment.mayBeLintDirective(in: UnsafeBufferPointer(rebasing: bytes[start..<end]))))
    }
}
