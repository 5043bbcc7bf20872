import Foundation
import KAJSON

/// The client's side of text: positions and edits computed with Swift's own UTF-16 view, not the
/// server's code, so a disagreement about columns shows.
enum ClientText {
    /// The LSP position (line, UTF-16 character) of the `occurrence`-th `needle` in `text`, plus `offset` units.
    static func position(of needle: String, in text: String, occurrence: Int = 1, offset: Int = 0) -> (line: Int, character: Int) {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else { fatalError("'\(needle)' not in text") }
            found = range
            searchStart = range.upperBound
        }
        let start = found!.lowerBound
        let lineStart = text[..<start].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let line = text[..<start].filter { $0 == "\n" }.count
        return (line, text.utf16.distance(from: lineStart, to: start) + offset)
    }

    /// The UTF-16 length of each line (terminators `\n` and `\r\n` left out), counted on the
    /// UTF-16 view: Swift's `Character` would take `\r\n` for one character.
    static func lineLengths(_ text: String) -> [Int] {
        lineRanges(text).map { $0.count }
    }

    /// UTF-16 offset ranges of the lines' contents.
    static func lineRanges(_ text: String) -> [Range<Int>] {
        let units = Array(text.utf16)
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, unit) in units.enumerated() where unit == 0x0A {
            let end = offset > start && units[offset - 1] == 0x0D ? offset - 1 : offset
            ranges.append(start..<end)
            start = offset + 1
        }
        ranges.append(start..<units.count)
        return ranges
    }

    /// The index of an LSP position in `text` (past a line's end: its end; inside a surrogate
    /// pair: before it).
    static func index(_ position: JSONValue?, in text: String) -> String.Index {
        guard let position else { return text.startIndex }
        let line = max(0, position["line"]?.int ?? 0)
        let character = max(0, position["character"]?.int ?? 0)
        let lines = lineRanges(text)
        guard line < lines.count else { return text.endIndex }
        var offset = lines[line].lowerBound + min(character, lines[line].count)
        var index = text.utf16.index(text.startIndex, offsetBy: offset)
        while index.samePosition(in: text.unicodeScalars) == nil, offset > 0 {
            offset -= 1
            index = text.utf16.index(text.startIndex, offsetBy: offset)
        }
        return index
    }

    /// Applies LSP `TextEdit`s (non-overlapping, positions in the original text) as a client does.
    static func apply(_ edits: [JSONValue], to text: String) -> String {
        let resolved = edits.map { edit -> (Range<String.Index>, String) in
            let first = index(edit[path: "range", "start"], in: text)
            let second = index(edit[path: "range", "end"], in: text)
            return (min(first, second)..<max(first, second), edit["newText"]?.string ?? "")
        }.sorted { $0.0.lowerBound > $1.0.lowerBound }
        var result = text
        for (range, newText) in resolved { result.replaceSubrange(range, with: newText) }
        return result
    }

    /// The text a range covers ("<no range>" when there is none).
    static func text(_ range: JSONValue?, in text: String) -> String {
        guard let range, let start = range["start"], let end = range["end"] else { return "<no range>" }
        let lower = index(start, in: text)
        let upper = index(end, in: text)
        return lower <= upper ? String(text[lower..<upper]) : "<inverted range>"
    }
}

/// A scratch folder for one test, removed at the end.
final class ScratchFolder {
    let path: String

    init(_ name: String = "kalsp") {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func uri(_ name: String) -> String { URL(fileURLWithPath: path + "/" + name).absoluteString }
}

/// Where the tests find the repository and its samples.
enum Repo {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func sample(_ relative: String) -> String {
        try! String(contentsOfFile: root + "/samples/" + relative, encoding: .utf8)
    }
}
