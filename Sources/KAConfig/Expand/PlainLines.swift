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
    func plainLines(
        _ range: Range<Int>, context index: Int, contexts: inout [FileContext], into lines: inout [LogicalLine],
        words arena: inout [ExpandedWord]
    ) {
        let first = contexts[index].location(of: range.lowerBound)
        let lineStart = range.lowerBound - (first.column - 1)
        let fileID = contexts[index].fileID
        let line = UInt32(clamping: first.line)
        contexts[index].source.bytes.withUnsafeBufferPointer { bytes in
            @inline(__always)
            func origin(_ start: Int, _ end: Int) -> Origin {
                Origin(fileID: fileID, line: line, column: UInt32(clamping: start - lineStart + 1), bytes: start..<end)
            }
            @inline(__always)
            func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            func segment(_ start: Int, _ end: Int) {
                var singleSpaced = true
                var firstStart = -1
                var lastEnd = 0
                let firstWord = arena.count
                var cursor = start
                while cursor < end {
                    while cursor < end, isBlank(bytes[cursor]) { cursor += 1 }
                    if cursor == end { break }
                    let wordStart = cursor
                    if firstStart < 0 {
                        firstStart = wordStart
                    } else if !(bytes[cursor - 1] == 0x20 && !isBlank(bytes[cursor - 2])) {
                        singleSpaced = false
                    }
                    while cursor < end, !isBlank(bytes[cursor]) { cursor += 1 }
                    lastEnd = cursor
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<cursor]), as: UTF8.self)
                    arena.append(ExpandedWord(text: text, origin: origin(wordStart, cursor)))
                }
                guard firstStart >= 0 else { return }
                // The storage is attached when the expansion ends (see `Expander.run`).
                let words = WordList(storage: [], offset: firstWord, count: arena.count - firstWord)
                lines.append(LogicalLine(
                    words: words, origin: origin(firstStart, lastEnd),
                    text: singleSpaced
                        ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[firstStart..<lastEnd]), as: UTF8.self)))
            }
            var segmentStart = range.lowerBound
            for position in range {
                let byte = bytes[position]
                guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") else { continue }
                segment(segmentStart, position)
                lines.append(LogicalLine(brace: byte == UInt8(ascii: "{") ? .openBrace : .closeBrace, origin: origin(position, position + 1)))
                segmentStart = position + 1
            }
            segment(segmentStart, range.upperBound)
        }
    }
}
