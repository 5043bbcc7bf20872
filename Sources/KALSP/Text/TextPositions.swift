import KAConfig
import KAJSON

/// An LSP position: 0-based line, and the character offset in UTF-16 code units, as the protocol
/// demands (kalint's columns are 1-based bytes: keepalived reads bytes).
struct LSPPosition: Hashable, Comparable {
    var line: Int
    var character: Int

    static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    /// Negative or missing numbers read as 0; the document clamps the rest.
    init?(_ value: JSONValue?) {
        guard let value, let line = value["line"]?.int, let character = value["character"]?.int else { return nil }
        self.line = max(0, line)
        self.character = max(0, character)
    }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

struct LSPRange: Hashable {
    var start: LSPPosition
    var end: LSPPosition

    var json: JSONValue { ["start": start.json, "end": end.json] }

    init?(_ value: JSONValue?) {
        guard let start = LSPPosition(value?["start"]), let end = LSPPosition(value?["end"]) else { return nil }
        self.start = min(start, end)
        self.end = max(start, end)
    }

    init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }
}

/// UTF-16 arithmetic over UTF-8 bytes. Invalid bytes count as one unit each (what a lenient
/// decoder makes of them: U+FFFD), so a file that is not UTF-8 still maps both ways.
enum UTF16Count {
    /// Length in bytes and UTF-16 units of the character starting at `bytes[index]`.
    static func character(in bytes: ArraySlice<UInt8>, at index: Int) -> (bytes: Int, units: Int) {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00..<0x80: return (1, 1)
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return (1, 1)
        }
        guard index + length <= bytes.endIndex else { return (1, 1) }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return (1, 1) }
        return (length, length == 4 ? 2 : 1)
    }

    static func units(in bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        var units = 0
        while index < bytes.endIndex {
            let step = character(in: bytes, at: index)
            index += step.bytes
            units += step.units
        }
        return units
    }

    /// The index in `bytes` after `units` UTF-16 units (clamped to the end; a position inside a
    /// character stays before it).
    static func index(in bytes: ArraySlice<UInt8>, afterUnits units: Int) -> Int {
        var index = bytes.startIndex
        var counted = 0
        while index < bytes.endIndex {
            let step = character(in: bytes, at: index)
            if counted + step.units > units { break }
            counted += step.units
            index += step.bytes
        }
        return index
    }
}

extension SourceFile {
    /// The bytes of 0-based `line` without its terminator (`\n`, or `\r\n`).
    func contentRange(ofLine line: Int) -> Range<Int> {
        guard line >= 0, line < lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D, line + 1 < lineStarts.count { end -= 1 }
        return start..<max(start, end)
    }

    func position(ofByte offset: Int) -> LSPPosition {
        let offset = min(max(0, offset), bytes.count)
        let line = location(of: offset).line - 1
        let lineStart = lineStarts[line]
        return LSPPosition(line: line, character: UTF16Count.units(in: bytes[lineStart..<offset]))
    }

    /// A byte offset for a position: past the end of a line is its end, past the last line the
    /// end of the file.
    func byteOffset(of position: LSPPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let content = contentRange(ofLine: position.line)
        return UTF16Count.index(in: bytes[content], afterUnits: position.character)
    }

    /// The position of kalint's 1-based line and byte column.
    func position(line: Int, byteColumn: Int) -> LSPPosition {
        guard line >= 1, line <= lineStarts.count else { return position(ofByte: bytes.count) }
        let content = contentRange(ofLine: line - 1)
        let offset = min(content.upperBound, content.lowerBound + max(0, byteColumn - 1))
        return position(ofByte: offset)
    }

    func range(ofBytes range: Range<Int>) -> LSPRange {
        LSPRange(start: position(ofByte: range.lowerBound), end: position(ofByte: range.upperBound))
    }

    func byteRange(of range: LSPRange) -> Range<Int> {
        let start = byteOffset(of: range.start)
        return start..<max(start, byteOffset(of: range.end))
    }
}
