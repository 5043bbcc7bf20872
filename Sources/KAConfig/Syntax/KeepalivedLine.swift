/// What keepalived 2.2.7 reads of one physical line, before definitions, sequences and
/// includes apply: `read_line` drops the CRs and LFs at its end; `decomment` drops the spaces
/// and tabs at its start, pairs each backslash with the byte after it (outside double quotes
/// `\#` and `\!` lose the backslash), cuts the line at the first `!` or `#` outside quotes, drops
/// the spaces and tabs (only those) at the end and puts back a lone final backslash, the mark of
/// a continued line, even one that stood in the comment.
///
/// The expander's `LineText.decomment` does the same while keeping each byte's origin; a test
/// holds the two together. The formatter asks this of every line it keeps whole, so that no
/// change at a line's end (a CR, VT or FF, a backslash, the blanks before a comment) can alter
/// what keepalived reads.
package enum KeepalivedLine {
    /// The text keepalived's parser goes on with; empty for a line that is empty or only
    /// blanks and comment.
    package static func text(of line: some Collection<UInt8>) -> [UInt8] {
        var bytes = Array(line)
        bytes.removeSubrange(readLineEnd(bytes, start: 0, end: bytes.count)...)
        return decommented(bytes)
    }

    /// Where `read_line` ends the line `bytes[start..<end]`: before every CR and LF at its end
    /// (not only a CRLF's: `#\` + CR + CRLF ends in a lone backslash).
    @inline(__always)
    package static func readLineEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, start: Bytes.Index, end: Bytes.Index) -> Bytes.Index {
        var cursor = end
        while cursor > start {
            let before = bytes.index(before: cursor)
            guard bytes[before] == 0x0A || bytes[before] == 0x0D else { break }
            cursor = before
        }
        return cursor
    }

    /// How the text keepalived goes on with ends, without building it (`text(of:)` does, and
    /// allocates): what a multi-line definition asks of each of its lines.
    package struct TextEnd: Equatable {
        /// The text is empty: the line is empty or only blanks and comment.
        package var isEmpty: Bool
        /// The text ends in `\`, the mark of a continued definition.
        package var endsInBackslash: Bool
    }

    /// `text(of:)`'s emptiness and last byte, read in place.
    package static func textEnd(of line: some RandomAccessCollection<UInt8>) -> TextEnd {
        var start = line.startIndex
        let end = readLineEnd(line, start: start, end: line.endIndex)
        while start != end, line[start] == 0x20 || line[start] == 0x09 { start = line.index(after: start) }
        let bytes = line[start..<end]
        let found = scanComment(bytes) { _ in }
        if found.loneBackslash { return TextEnd(isEmpty: false, endsInBackslash: true) }
        // Decomment drops a backslash only before a `#` or `!` it keeps, so the kept text's last
        // byte is never a dropped one: it is the last byte before the comment and the blanks.
        var kept = found.commentStart.map { bytes.index(bytes.startIndex, offsetBy: $0) } ?? bytes.endIndex
        while kept != bytes.startIndex {
            let before = bytes.index(before: kept)
            guard bytes[before] == 0x20 || bytes[before] == 0x09 else {
                return TextEnd(isEmpty: false, endsInBackslash: bytes[before] == UInt8(ascii: "\\"))
            }
            kept = before
        }
        return TextEnd(isEmpty: true, endsInBackslash: false)
    }

    /// Whether the line, read from a `$NAME=` (or a line inside its definition) on, continues the
    /// definition: keepalived asks whether what decomment leaves ends in `\\`.
    package static func continuesDefinition(_ line: some RandomAccessCollection<UInt8>) -> Bool {
        textEnd(of: line).endsInBackslash
    }

    /// Whether `read_line` sees nothing at all (only CRs and LFs): the one kind of line that
    /// ends a multi-line `$NAME=` definition.
    package static func isEmptyToReadLine(_ line: some Collection<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
    }

    /// What decomment does to a line whose leading spaces and tabs are already gone, as
    /// indices into it: the backslashes it drops (before a `#` or `!` outside quotes), where
    /// the comment starts, and the lone backslash at the end that marks a continued line.
    package struct Decomment {
        package var droppedBackslashes: [Int] = []
        package var commentStart: Int?
        package var loneBackslash: Int?
        /// An odd number of double quotes before the comment.
        package var unterminatedQuote = false

        /// Where the kept text ends (before the comment or the lone backslash).
        package var textEnd: Int? {
            switch (commentStart, loneBackslash) {
            case let (comment?, lone?): min(comment, lone)
            case let (comment?, nil): comment
            case let (nil, lone?): lone
            case (nil, nil): nil
            }
        }
    }

    /// keepalived's decomment scan: each backslash pairs with the byte after it, a `"` outside
    /// the comment toggles quoting, the first `!` or `#` outside quotes starts the comment (the
    /// pairing goes on inside it), and a backslash left alone at the end continues the line.
    package static func scan(_ bytes: some RandomAccessCollection<UInt8>) -> Decomment {
        var result = Decomment()
        let found = scanComment(bytes) { result.droppedBackslashes.append($0) }
        result.commentStart = found.commentStart
        if found.loneBackslash { result.loneBackslash = bytes.count - 1 }
        result.unterminatedQuote = found.unterminatedQuote
        return result
    }

    /// Where the comment of a line (leading blanks and line end already gone) starts, as an
    /// offset; nil when it has none. Allocates nothing (the lexer asks it of every `@id`,
    /// `$NAME=` and `include` line).
    @inline(__always)
    package static func commentStart(_ bytes: some RandomAccessCollection<UInt8>) -> Int? {
        scanComment(bytes) { _ in }.commentStart
    }

    /// The scan itself; `dropped` hears each backslash decomment drops, as an offset.
    @inline(__always)
    private static func scanComment(
        _ bytes: some RandomAccessCollection<UInt8>, dropped: (Int) -> Void
    ) -> (commentStart: Int?, loneBackslash: Bool, unterminatedQuote: Bool) {
        var commentStart: Int?
        var quoted = false
        var offset = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: "\"") {
                if commentStart == nil { quoted.toggle() }
            } else if byte == UInt8(ascii: "\\") {
                guard next != bytes.endIndex else { return (commentStart, true, quoted) }
                if !quoted, bytes[next] == UInt8(ascii: "#") || bytes[next] == UInt8(ascii: "!") { dropped(offset) }
                index = bytes.index(after: next)
                offset += 2
                continue
            } else if !quoted, commentStart == nil, byte == UInt8(ascii: "!") || byte == UInt8(ascii: "#") {
                commentStart = offset
            }
            index = next
            offset += 1
        }
        return (commentStart, false, quoted)
    }

    static func decommented(_ line: [UInt8]) -> [UInt8] {
        var start = 0
        while start < line.count, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        var bytes = Array(line[start...])
        let scan = scan(bytes)
        if let end = scan.textEnd { bytes.removeSubrange(end...) }
        for dropped in scan.droppedBackslashes.reversed() where dropped < bytes.count { bytes.remove(at: dropped) }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        if scan.loneBackslash != nil { bytes.append(UInt8(ascii: "\\")) }
        return bytes
    }
}
