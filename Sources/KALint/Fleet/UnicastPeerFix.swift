import KAConfig

/// Builds the fix-it that adds one address line to an instance's `unicast_peer { }` block, written
/// like the line above it. Only offered when the block's last line is literal text (not from
/// `$NAME`/`~SEQ`) and the block does not close on that same line.
enum UnicastPeerFix {
    static func adding(_ address: IPAddress, to statement: BoundStatement, in node: LintNode) -> FixIt? {
        let anchor: ExpandedWord
        let indentExtra: Bool
        if let last = statement.entries.last?.last {
            anchor = last
            indentExtra = false
        } else if let keyword = statement.words.first {
            anchor = keyword
            indentExtra = true
        } else {
            return nil
        }
        guard let range = anchor.origin.byteRange, !anchor.origin.isSubstituted,
            let source = node.expanded.files[anchor.origin.file]?.source,
            anchor.origin.line >= 1, anchor.origin.line <= source.lineCount
        else { return nil }
        // Entries must sit on their own lines: an entry on the keyword's line is not a layout we copy.
        if !indentExtra, anchor.origin.line == statement.origin.line { return nil }
        // The line's bytes with 0-based indices (a released source gives them so): `end` is the
        // anchor's end within the line.
        let lineStart = source.lineStarts[anchor.origin.line - 1]
        let line = Array(source.lineBytes(anchor.origin.line))
        let end = range.upperBound - lineStart
        guard end >= 0, end <= line.count, !closesBlock(line[end...]) else { return nil }
        if indentExtra, !line[end...].contains(UInt8(ascii: "{")) { return nil }
        var indent = String(decoding: line.prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
        if indentExtra { indent += indent.hasPrefix("\t") ? "\t" : "    " }
        let newline = source.lineEndsWithCRLF(anchor.origin.line) ? "\r\n" : "\n"
        let lineEnd = lineStart + line.count
        return FixIt(
            message: "add \(address) to unicast_peer",
            edits: [TextEdit(file: anchor.origin.file, range: lineEnd..<lineEnd, replacement: newline + indent + address.description)])
    }

    /// Whether the rest of a line closes the block before any comment starts.
    static func closesBlock(_ rest: ArraySlice<UInt8>) -> Bool {
        for byte in rest {
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "!") { return false }
            if byte == UInt8(ascii: "}") { return true }
        }
        return false
    }
}
