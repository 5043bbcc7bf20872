/// Turns a finished line buffer into a `LogicalLine`: keepalived's default word splitting
/// (`alloc_strvec_r`) with an origin for every word.
struct LineBuilder {
    func logicalLine(_ buffer: LineText, contexts: inout [FileContext]) -> LogicalLine? {
        let bytes = buffer.bytes
        var words: [ExpandedWord] = []
        words.reserveCapacity(4)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, Self.isWhiteSpace(bytes[index]) { index += 1 }
            if index == bytes.count { break }
            let start = index
            if bytes[index] == UInt8(ascii: "\"") {
                // Unmatched quote: keepalived reports it and drops the rest of the line.
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                let text = RepairedText.string(bytes[(start + 1)..<close])
                index = close + 1
                words.append(ExpandedWord(
                    text: text, isQuoted: true, origin: origin(buffer, start..<index, contexts: &contexts)))
            } else {
                while index < bytes.count, !Self.isWhiteSpace(bytes[index]), bytes[index] != UInt8(ascii: "\"") { index += 1 }
                words.append(ExpandedWord(
                    text: RepairedText.string(bytes[start..<index]),
                    origin: origin(buffer, start..<index, contexts: &contexts)))
            }
        }
        guard !words.isEmpty else { return nil }
        var kind = LogicalLine.Kind.words
        if bytes.count == 1 {
            if bytes[0] == UInt8(ascii: "{") { kind = .openBrace }
            if bytes[0] == UInt8(ascii: "}") { kind = .closeBrace }
        }
        var lineOrigin = words[0].origin
        if words.count > 1 {
            // The first word's position, spanning the whole line.
            let substituted = words.contains { $0.origin.isSubstituted }
            lineOrigin.isSubstituted = substituted
            lineOrigin.byteRange = substituted ? nil : words[0].origin.byteRange.map {
                $0.lowerBound..<max($0.upperBound, words[words.count - 1].origin.byteRange?.upperBound ?? 0)
            }
        }
        return LogicalLine(kind: kind, words: words, text: RepairedText.string(bytes), origin: lineOrigin)
    }

    /// keepalived's WHITE_SPACE: space, tab, form feed, newline, carriage return, vertical tab.
    @inline(__always)
    static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Where the bytes `range` of the buffer came from: the first byte's position; a byte range
    /// only when none of them was produced by substitution.
    func origin(_ buffer: LineText, _ range: Range<Int>, contexts: inout [FileContext]) -> Origin {
        let marks = buffer.marks
        var substituted = false
        for index in range where LineText.isSubstituted(marks[index]) {
            substituted = true
            break
        }
        let first = LineText.offset(of: marks[range.lowerBound])
        let location = contexts[buffer.context].location(of: first)
        let byteRange = substituted ? nil : first..<(LineText.offset(of: marks[range.upperBound - 1]) + 1)
        return Origin(
            fileID: contexts[buffer.context].fileID, line: location.line, column: location.column, byteRange: byteRange,
            isSubstituted: substituted)
    }
}
