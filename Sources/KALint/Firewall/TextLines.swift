import KAConfig

/// Splits text into lines at `\n` by scanning UTF-8 bytes, which is much faster than splitting
/// by Character on dumps of tens of thousands of rules. A trailing `\r` stays with its line.
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                lines.append(text[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(text[start..<bytes.endIndex])
        return lines
    }
}
