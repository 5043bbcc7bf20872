/// Byte-level character classes of keepalived's reader.
package enum ByteClass {
    /// The lexer's view of one byte. Classes that continue a bare word come first, so one
    /// comparison with `wordStop` tells a word byte from a byte that ends the word.
    enum Kind: UInt8 {
        /// A byte with no special meaning.
        case plain
        /// `@`, `$`, `~`, `i`: word bytes that may start a directive at a logical line start.
        case directive
        /// `\`: a word byte that carries a following `#` or `!` with it.
        case backslash
        /// Space, tab, form feed, vertical tab (the first class that ends a word).
        case blank
        /// `\r`: blank, unless it starts `\r\n`.
        case carriageReturn
        case lineFeed
        /// `#` or `!`.
        case comment
        case openBrace
        case closeBrace
        case quote

        static let wordStop = Kind.blank.rawValue
    }

    /// The kind of every byte value, indexed by the byte itself (so always in bounds).
    static let table: [Kind] = {
        var table = [Kind](repeating: .plain, count: 256)
        for byte in "@$~i".utf8 { table[Int(byte)] = .directive }
        table[0x5C] = .backslash
        for byte: UInt8 in [0x20, 0x09, 0x0B, 0x0C] { table[Int(byte)] = .blank }
        table[0x0D] = .carriageReturn
        table[0x0A] = .lineFeed
        table[0x23] = .comment
        table[0x21] = .comment
        table[0x7B] = .openBrace
        table[0x7D] = .closeBrace
        table[0x22] = .quote
        return table
    }()

    /// Blanks inside a line: space, tab, form feed, vertical tab, carriage return.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B || byte == 0x0D
    }

    @inline(__always)
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// True at `\n` or at the `\r` of `\r\n`.
    @inline(__always)
    static func isLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte == 0x0A { return true }
        return byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
    }

    /// Index of the line terminator (or end of input) at or after `from`.
    @inline(__always)
    static func endOfLineContent(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var cursor = from
        while cursor < bytes.count, !isLineEnd(bytes, cursor) { cursor += 1 }
        return cursor
    }

    /// End of a line's content before any comment, where decomment finds it
    /// (`KeepalivedLine.scan`: double quotes and `\` pairs honoured). Used for `@id` prefixes,
    /// definitions and include operands.
    @inline(__always)
    static func endOfUnquotedContent(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let lineEnd = endOfLineContent(bytes, from: from)
        guard let comment = KeepalivedLine.commentStart(UnsafeBufferPointer(rebasing: bytes[from..<lineEnd])) else {
            return lineEnd
        }
        return from + comment
    }

    @inline(__always)
    static func trimTrailingBlanks(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var cursor = end
        while cursor > start, isBlank(bytes[cursor - 1]) { cursor -= 1 }
        return cursor
    }

    /// Where an include pattern that runs to `contentEnd` ends, as keepalived trims its line:
    /// read_line first drops the CRs at the end of the physical line, then decomment the spaces
    /// and tabs before the end or the comment (not CR, VT or FF).
    static func includePatternEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int) -> Int {
        var cursor = contentEnd
        let atLineEnd = contentEnd == bytes.count || isLineEnd(bytes, contentEnd)
        if atLineEnd {
            while cursor > start, bytes[cursor - 1] == 0x0D { cursor -= 1 }
        }
        while cursor > start, isSpaceOrTab(bytes[cursor - 1]) { cursor -= 1 }
        return cursor
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// For `$NAME=`: the index of the `=`, or nil when the bytes are not a definition head.
    @inline(__always)
    static func definitionNameEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var cursor = from + 1
        guard cursor < bytes.count, isNameByte(bytes[cursor]) else { return nil }
        while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { return nil }
        return cursor
    }

    /// For `~SEQ(`, `~SEQx(` and `~LST(`: the index after the matching `)` (or the line's end
    /// when it is never closed, which keepalived reports as an invalid specification).
    @inline(__always)
    static func sequencePrefixEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let head = sequenceHeads.first(where: { hasPrefix(bytes, at: from, $0) }) else { return nil }
        var cursor = from + head.count
        var depth = 1
        while cursor < bytes.count, !isLineEnd(bytes, cursor) {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return cursor + 1 }
            }
            cursor += 1
        }
        return cursor
    }

    static let sequenceHeads: [[UInt8]] = ["~SEQx(", "~SEQ(", "~LST("].map { Array($0.utf8) }

    static let includeKeywords: [[UInt8]] = ["include", "includer", "includem", "includew", "includeb", "includea"]
        .map { Array($0.utf8) }

    /// For `include`, `includer`, ... followed by white space (`isspace`, as check_include
    /// asks): the index after the keyword. A CR counts unless read_line strips it, that is
    /// unless only CRs follow it to the end of the line.
    @inline(__always)
    static func includeKeywordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        for keyword in includeKeywords where hasPrefix(bytes, at: from, keyword) {
            let end = from + keyword.count
            guard end < bytes.count else { continue }
            let byte = bytes[end]
            if isSpaceOrTab(byte) || byte == 0x0B || byte == 0x0C { return end }
            if byte == 0x0D {
                var cursor = end
                while cursor < bytes.count, bytes[cursor] == 0x0D { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] != 0x0A { return end }
            }
        }
        return nil
    }

    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ prefix: [UInt8]) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for index in 0..<prefix.count where bytes[offset + index] != prefix[index] { return false }
        return true
    }
}

extension ByteClass {
    /// Array convenience for callers off the lexer's hot path.
    package static func trimTrailingBlanks(_ bytes: [UInt8], start: Int, end: Int) -> Int {
        bytes.withUnsafeBufferPointer { trimTrailingBlanks($0, start: start, end: end) }
    }
}
