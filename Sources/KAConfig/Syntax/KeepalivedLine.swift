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
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return decommented(bytes)
    }

    /// Whether `read_line` sees nothing at all (only CRs and LFs): the one kind of line that
    /// ends a multi-line `$NAME=` definition.
    package static func isEmptyToReadLine(_ line: some Collection<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
    }

    static func decommented(_ line: [UInt8]) -> [UInt8] {
        var start = 0
        while start < line.count, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        var bytes = Array(line[start...])
        var quoted = false
        var continues = false
        var comment: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if comment == nil { quoted.toggle() }
            } else if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else {
                    bytes.removeLast()
                    continues = true
                    break
                }
                let next = bytes[index + 1]
                if !quoted, next == UInt8(ascii: "#") || next == UInt8(ascii: "!") {
                    bytes.remove(at: index)
                } else {
                    index += 1
                }
            } else if !quoted, comment == nil, byte == UInt8(ascii: "!") || byte == UInt8(ascii: "#") {
                comment = index
            }
            index += 1
        }
        if let comment { bytes.removeSubrange(comment...) }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        if continues { bytes.append(UInt8(ascii: "\\")) }
        return bytes
    }
}
