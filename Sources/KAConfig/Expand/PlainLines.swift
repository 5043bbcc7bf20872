/// The fast path: most physical lines have nothing for keepalived's pipeline to do but word
/// splitting (no `$`, `@`, `~`, quotes, escapes or includes; at most a trailing comment). Their
/// words come straight from the file bytes in one pass, split at braces exactly as the residue
/// handling of `read_line` would split them. A line that turns out not to be plain is rolled back
/// and left to the full pipeline.
extension LineReader {
    /// When nothing is pending (no brace residue, sequence or replay) and the next physical lines
    /// of the current file are plain, consumes them, appends their logical lines and words, and
    /// returns true. Stops before the first line that is not plain, at the end of the file, or
    /// once `lines` has at least `lineLimit` lines. Returns false, with nothing consumed or
    /// appended, when the next line is not plain.
    mutating func readPlainLines(
        into lines: inout [LogicalLine], words arena: inout WordArena, lineLimit: Int
    ) -> Bool {
        guard !hasResidue, sequences.isEmpty, replay == nil, let file = includeStack.last?.file else { return false }
        let context = file.context
        let start = file.position
        guard start < contexts[context].source.bytes.count else { return false }
        let location = contexts[context].location(of: start)
        var scan = PlainLineScan(
            fileID: contexts[context].fileID, line: UInt32(clamping: location.line), lineStart: start - (location.column - 1))
        // Taken out for the scan: the closure reads `contexts`, so it cannot also write `self`.
        var cache = WordCache()
        swap(&cache, &wordCache)
        let next = contexts[context].source.bytes.withUnsafeBufferPointer { bytes in
            PlainByte.classes.withUnsafeBufferPointer { classes in
                scan.runLines(bytes, classes: classes, from: start, lines: &lines, words: &arena, cache: &cache, lineLimit: lineLimit)
            }
        }
        swap(&cache, &wordCache)
        guard next > start else { return false }
        includeStack[includeStack.count - 1].file?.position = next
        // The next location asked for is most likely on the line the scan stopped at.
        contexts[context].lineHint = Int(scan.line) - 1
        return true
    }
}

/// One pass over physical lines: words, braces and a trailing comment.
struct PlainLineScan {
    let fileID: UInt32
    /// The current physical line (1-based).
    var line: UInt32
    /// Offset of the current physical line's first byte (columns count from it).
    var lineStart: Int

    /// The current segment (text between braces): its first word in the arena, the first word's
    /// start, the last word's end, and whether every gap is one space.
    var segmentFirstWord = 0
    var firstStart = -1
    var lastEnd = 0
    var singleSpaced = true

    init(fileID: UInt32, line: UInt32, lineStart: Int) {
        self.fileID = fileID
        self.line = line
        self.lineStart = lineStart
    }

    @inline(__always)
    func origin(_ start: Int, _ end: Int) -> Origin {
        Origin(fileID: fileID, line: line, column: UInt32(clamping: start - lineStart + 1), bytes: start..<end)
    }

    /// Scans plain lines from `start` (a line start) until one is not plain, the bytes end, or
    /// `lines` reaches `lineLimit`. Returns where the first unconsumed line starts (`start` when
    /// none was plain); what the line that was not plain appended is removed again.
    mutating func runLines(
        _ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>, from start: Int,
        lines: inout [LogicalLine], words: inout WordArena, cache: inout WordCache, lineLimit: Int
    ) -> Int {
        var position = start
        while position < bytes.count, lines.count < lineLimit {
            let linesBefore = lines.count
            let wordsBefore = words.wordCount
            guard let next = run(bytes, classes: classes, from: position, lines: &lines, words: &words, cache: &cache) else {
                lines.removeSubrange(linesBefore...)
                words.removeWords(from: wordsBefore)
                firstStart = -1
                singleSpaced = true
                return position
            }
            position = next
            lineStart = next
            line &+= 1
        }
        return position
    }

    /// Scans one physical line from `start`; returns where the next one starts, or nil when the
    /// line needs the full pipeline (the caller then discards what it appended).
    @inline(__always)
    mutating func run(
        _ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>, from start: Int,
        lines: inout [LogicalLine], words: inout WordArena, cache: inout WordCache
    ) -> Int? {
        // keepalived reads at most this many bytes of a line at once; longer lines take the full path.
        let limit = min(bytes.count, start + keepalivedBufferSize - 2)
        segmentFirstWord = words.wordCount
        var index = start
        while index < limit {
            let byte = bytes[index]
            let byteClass = classes[Int(byte)]
            if byteClass == PlainByte.word || byteClass == PlainByte.letterI {
                let wordStart = startWord(bytes, at: index)
                while index < limit {
                    let inner = classes[Int(bytes[index])]
                    if inner == PlainByte.word {
                        index += 1
                    } else if inner == PlainByte.letterI {
                        // `include` may start a line or a brace residue: leave those to read_line.
                        if Self.mayStartInclude(bytes, at: index) { return nil }
                        index += 1
                    } else {
                        break
                    }
                }
                endWord(bytes, wordStart, index, words: &words, cache: &cache)
                continue
            }
            switch byteClass {
            case PlainByte.blank:
                index += 1
                while index < limit, classes[Int(bytes[index])] == PlainByte.blank { index += 1 }
            case PlainByte.brace:
                endSegment(bytes, lines: &lines, wordCount: words.wordCount)
                lines.append(LogicalLine(brace: byte == UInt8(ascii: "{") ? .openBrace : .closeBrace, origin: origin(index, index + 1)))
                segmentFirstWord = words.wordCount
                index += 1
            case PlainByte.newline:
                endSegment(bytes, lines: &lines, wordCount: words.wordCount)
                return index + 1
            case PlainByte.carriageReturn:
                // Only as the CR of a CRLF; a lone CR takes the full path.
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return nil }
                endSegment(bytes, lines: &lines, wordCount: words.wordCount)
                return index + 2
            case PlainByte.comment:
                guard let next = Self.endOfComment(bytes, from: index, limit: limit) else { return nil }
                endSegment(bytes, lines: &lines, wordCount: words.wordCount)
                return next
            default:
                return nil
            }
        }
        // The end of the file without a newline; a longer line takes the full path.
        guard index == bytes.count else { return nil }
        endSegment(bytes, lines: &lines, wordCount: words.wordCount)
        return index
    }

    /// Whether the `i` at `index` may begin `include` (checked loosely: a false alarm only sends
    /// the line down the full path).
    @inline(__always)
    static func mayStartInclude(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 7 <= bytes.count && bytes[index + 1] == UInt8(ascii: "n") && bytes[index + 2] == UInt8(ascii: "c")
            && bytes[index + 3] == UInt8(ascii: "l")
    }

    /// A word starts at `index`: the line's text stays derivable from its words while every gap
    /// between them is one space.
    @inline(__always)
    mutating func startWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if firstStart >= 0, !(bytes[index - 1] == 0x20 && bytes[index - 2] != 0x20 && bytes[index - 2] != 0x09) {
            singleSpaced = false
        }
        return index
    }

    /// A comment runs to the end of the line; it is plain unless the line ends in a backslash
    /// (which keepalived keeps as a continuation even after a comment) or is too long.
    static func endOfComment(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit, bytes[index] != 0x0A { index += 1 }
        let next: Int
        if index < limit {
            next = index + 1
        } else if index == bytes.count {
            next = index
        } else {
            return nil
        }
        // Conservative: any final backslash (a lone one continues the line) takes the full path,
        // the end found as read_line finds it.
        let end = KeepalivedLine.readLineEnd(bytes, start: start, end: index)
        if end > start, bytes[end - 1] == UInt8(ascii: "\\") { return nil }
        return next
    }

    @inline(__always)
    mutating func endWord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, words: inout WordArena, cache: inout WordCache
    ) {
        if firstStart < 0 { firstStart = start }
        lastEnd = end
        let text = cache.textIndex(UnsafeBufferPointer(rebasing: bytes[start..<end]), in: &words)
        words.appendWord(text: text, origin: origin(start, end))
    }

    /// Ends the text before a brace or the end of the line: one logical line when it has words.
    mutating func endSegment(_ bytes: UnsafeBufferPointer<UInt8>, lines: inout [LogicalLine], wordCount: Int) {
        // No `defer` for the reset: with one, the compiler copies the new line before appending it.
        guard firstStart >= 0 else {
            firstStart = -1
            singleSpaced = true
            return
        }
        // The storage is attached when the expansion ends (see `Expander.run`).
        let list = WordList(storage: .none, offset: segmentFirstWord, count: wordCount - segmentFirstWord)
        let text = singleSpaced ? nil : RepairedText.string(UnsafeBufferPointer(rebasing: bytes[firstStart..<lastEnd]))
        let origin = origin(firstStart, lastEnd)
        firstStart = -1
        singleSpaced = true
        lines.append(LogicalLine(words: list, origin: origin, text: text))
    }
}

/// Byte classes of the fast path. `other` bytes (control bytes other than tab, `\n` and `\r`;
/// `$ @ ~ \ "`) need the full pipeline.
enum PlainByte {
    static let other: UInt8 = 0
    static let word: UInt8 = 1
    static let blank: UInt8 = 2
    static let brace: UInt8 = 3
    static let newline: UInt8 = 4
    static let carriageReturn: UInt8 = 5
    static let comment: UInt8 = 6
    static let letterI: UInt8 = 7

    static let classes: [UInt8] = (0...255).map { value -> UInt8 in
        switch UInt8(value) {
        case 0x20, 0x09: return blank
        case 0x0A: return newline
        case 0x0D: return carriageReturn
        case UInt8(ascii: "{"), UInt8(ascii: "}"): return brace
        case UInt8(ascii: "#"), UInt8(ascii: "!"): return comment
        case UInt8(ascii: "i"): return letterI
        case UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "~"), UInt8(ascii: "\\"), UInt8(ascii: "\""): return other
        case let byte where byte < 0x20: return other
        default: return word
        }
    }
}
