/// The fast path: most physical lines have nothing for keepalived's pipeline to do (no `$`,
/// `@`, `~`, quotes, escapes, comments or includes). Their words come straight from the file
/// bytes, split at braces exactly as the residue handling of `read_line` would split them.
extension LineReader {
    /// When nothing is pending (no brace residue, sequence or replay) and the next physical line
    /// of the current file is plain, consumes it and returns its content range.
    mutating func nextPlainLine() -> (context: Int, range: Range<Int>)? {
        guard !hasResidue, sequences.isEmpty, replay == nil, let file = includeStack.last?.file else { return nil }
        let bytes = contexts[file.context].source.bytes
        let start = file.position
        guard start < bytes.count else { return nil }
        let ordinary = PlainByte.table
        let plain = bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = start
            let limit = min(buffer.count, start + keepalivedBufferSize - 2)
            while index < limit {
                let byte = buffer[index]
                // One table load per byte; only the rare bytes take the branches below.
                if ordinary[Int(byte)] {
                    index += 1
                    continue
                }
                if byte == 0x0A { return index }
                if byte == 0x0D, index + 1 < buffer.count, buffer[index + 1] == 0x0A {
                    index += 1
                    continue
                }
                guard byte == UInt8(ascii: "i") else { return nil }
                // `include` may start a line or a brace residue: leave those to read_line.
                if index + 7 <= buffer.count, buffer[index + 1] == UInt8(ascii: "n"), buffer[index + 2] == UInt8(ascii: "c"),
                    buffer[index + 3] == UInt8(ascii: "l") {
                    return nil
                }
                index += 1
            }
            return index == buffer.count ? index : nil
        }
        guard var end = plain else { return nil }
        includeStack[includeStack.count - 1].file?.position = end < bytes.count ? end + 1 : end
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return (file.context, start..<end)
    }
}

/// Bytes the fast path passes over without a second look: everything but control bytes other
/// than tab, `\n`/`\r` (handled by the caller), `$ @ ~ \ " # !` and `i` (a possible `include`).
enum PlainByte {
    static let table: [Bool] = (0...255).map { value -> Bool in
        let byte = UInt8(value)
        if byte < 0x20 { return byte == 0x09 }
        return !"$@~\\\"#!i".utf8.contains(byte)
    }
}

extension LineBuilder {
    /// The logical lines of a plain physical line: text before a brace, the brace, and so on.
    func plainLines(_ range: Range<Int>, context index: Int, contexts: inout [FileContext], into lines: inout [LogicalLine]) {
        let bytes = contexts[index].source.bytes
        let first = contexts[index].location(of: range.lowerBound)
        let lineStart = range.lowerBound - (first.column - 1)
        let path = contexts[index].path
        let chain = contexts[index].sharedChain
        func origin(_ word: Range<Int>) -> Origin {
            Origin(file: path, line: first.line, column: word.lowerBound - lineStart + 1, byteRange: word, sharedChain: chain)
        }
        func segment(_ start: Int, _ end: Int) {
            var words: [ExpandedWord] = []
            // The line's byte range is tracked here rather than read back from the words (no copies).
            var firstStart = -1
            var lastEnd = -1
            var cursor = start
            while cursor < end {
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
                if cursor == end { break }
                let wordStart = cursor
                while cursor < end, bytes[cursor] != 0x20, bytes[cursor] != 0x09 { cursor += 1 }
                if firstStart < 0 {
                    firstStart = wordStart
                    words.reserveCapacity(4)
                }
                lastEnd = cursor
                words.append(ExpandedWord(text: String(decoding: bytes[wordStart..<cursor], as: UTF8.self), origin: origin(wordStart..<cursor)))
            }
            guard firstStart >= 0 else { return }
            let text = words.count == 1 ? words[0].text : String(decoding: bytes[firstStart..<lastEnd], as: UTF8.self)
            lines.append(LogicalLine(kind: .words, words: words, text: text, origin: origin(firstStart..<lastEnd)))
        }
        var segmentStart = range.lowerBound
        for position in range where bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "}") {
            segment(segmentStart, position)
            let isOpen = bytes[position] == UInt8(ascii: "{")
            let text = isOpen ? "{" : "}"
            let braceOrigin = origin(position..<(position + 1))
            lines.append(LogicalLine(
                kind: isOpen ? .openBrace : .closeBrace, words: [ExpandedWord(text: text, origin: braceOrigin)], text: text,
                origin: braceOrigin))
            segmentStart = position + 1
        }
        segment(segmentStart, range.upperBound)
    }
}
