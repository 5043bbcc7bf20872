/// Splits a file's bytes into tokens the way keepalived 2.2.7's line reader sees them
/// (`lib/parser.c`: `decomment`, `read_line`, `alloc_strvec_r`), while keeping every byte:
/// whitespace, newlines and comments are tokens too, so the tokens concatenate to the input.
///
/// Rules that matter:
/// - `!` and `#` start a comment anywhere outside double quotes (also inside a word: `ab#c`).
///   `\#` and `\!` are literal; a backslash protects the byte after it from comment or quote handling.
/// - A `"` starts a quoted token up to the next `"` on the line; without one, the rest of the line
///   is an unterminated quote (keepalived then also keeps `#` and `!` literally).
/// - `{` and `}` outside quotes are always tokens of their own, and what follows a brace is a new
///   logical line (keepalived re-runs its line pipeline on the residue).
/// - At the start of a logical line: `@id`/`@^id` prefixes, `$NAME=value` definitions (with `\`
///   continuation lines), `~SEQ(...)`/`~SEQx(...)`/`~LST(...)` prefixes and `include*` directives,
///   whose operand is one raw pattern.
/// Linear time, no recursion, total on any bytes.
public struct Lexer {
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = LexerState(bytes: buffer)
            lexer.run()
            return lexer.tokens
        }
    }
}

struct LexerState {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    var index = 0
    /// True at the start of a physical line and right after a brace.
    var atLogicalLineStart = true
    /// True while the lines that follow belong to a multi-line `$NAME=` definition.
    var inDefinitionContinuation = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4 + 1)
    }

    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind: kind, start: start, end: end))
    }

    mutating func run() {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) {
                // An empty physical line ends a multi-line definition early.
                if inDefinitionContinuation, tokens.last.map({ $0.kind == .newline }) ?? true {
                    inDefinitionContinuation = false
                }
                let width = byte == 0x0A ? 1 : 2
                emit(.newline, index, index + width)
                index += width
                atLogicalLineStart = true
                continue
            }
            if ByteClass.isBlank(byte) {
                lexWhitespace()
                continue
            }
            if inDefinitionContinuation {
                lexDefinitionContinuationLine()
                continue
            }
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "!") {
                lexComment()
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                emit(byte == UInt8(ascii: "{") ? .openBrace : .closeBrace, index, index + 1)
                index += 1
                atLogicalLineStart = true
                continue
            }
            if atLogicalLineStart, lexLineDirective() {
                continue
            }
            atLogicalLineStart = false
            if byte == UInt8(ascii: "\"") {
                lexQuoted()
            } else {
                lexWord()
            }
        }
    }

    /// Spaces, tabs, `\f`, `\v` and a `\r` that is not part of `\r\n`.
    mutating func lexWhitespace() {
        let start = index
        while index < bytes.count, ByteClass.isBlank(bytes[index]) {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { break }
            index += 1
        }
        emit(.whitespace, start, index)
    }

    mutating func lexComment() {
        let start = index
        index = ByteClass.endOfLineContent(bytes, from: index)
        emit(.comment, start, index)
    }

    mutating func lexQuoted() {
        let start = index
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != 0x0A {
            cursor += 1
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
            index = cursor + 1
            emit(.quoted, start, index)
        } else {
            index = ByteClass.endOfLineContent(bytes, from: start)
            emit(.unterminatedQuote, start, index)
        }
    }

    mutating func lexWord() {
        let start = index
        index = ByteClass.endOfWord(bytes, from: index)
        if index == start { index += 1 }  // defensive: always make progress
        emit(.word, start, index)
    }

    /// Recognises `@id`, `$NAME=`, `~SEQ(`/`~LST(` and `include*` at the start of a logical line.
    mutating func lexLineDirective() -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "@") {
            let start = index
            var cursor = index + 1
            while cursor < bytes.count, !ByteClass.isSpaceOrTab(bytes[cursor]), !ByteClass.isLineEnd(bytes, cursor),
                bytes[cursor] != UInt8(ascii: "#"), bytes[cursor] != UInt8(ascii: "!") {
                cursor += 1
            }
            index = cursor
            emit(.conditional, start, index)
            return true  // still at the logical line start: what follows is the line itself
        }
        if byte == UInt8(ascii: "$"), let nameEnd = ByteClass.definitionNameEnd(bytes, from: index) {
            lexDefinition(equalsAt: nameEnd)
            return true
        }
        if byte == UInt8(ascii: "~"), let end = ByteClass.sequencePrefixEnd(bytes, from: index) {
            emit(.sequence, index, end)
            index = end
            return true
        }
        if byte == UInt8(ascii: "i"), let keywordEnd = ByteClass.includeKeywordEnd(bytes, from: index) {
            emit(.word, index, keywordEnd)
            index = keywordEnd
            lexWhitespace()
            let patternStart = index
            let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
            let patternEnd = ByteClass.trimTrailingBlanks(bytes, start: patternStart, end: contentEnd)
            if patternEnd > patternStart { emit(.includePattern, patternStart, patternEnd) }
            index = patternEnd
            if contentEnd > patternEnd { emit(.whitespace, patternEnd, contentEnd); index = contentEnd }
            atLogicalLineStart = false
            return true
        }
        return false
    }

    /// `$NAME=value`: the value runs to a comment or the end of the line; a final `\` continues it.
    mutating func lexDefinition(equalsAt _: Int) {
        let start = index
        let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
        let end = ByteClass.trimTrailingBlanks(bytes, start: start, end: contentEnd)
        emit(.definition, start, end)
        index = end
        inDefinitionContinuation = end > start && bytes[end - 1] == UInt8(ascii: "\\")
        if contentEnd > end { emit(.whitespace, end, contentEnd); index = contentEnd }
        atLogicalLineStart = false
    }

    /// A line inside a multi-line definition. keepalived skips lines that are blank or only a
    /// comment without ending the definition; only an empty physical line ends it early.
    mutating func lexDefinitionContinuationLine() {
        let byte = bytes[index]
        if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "!") {
            lexComment()
            return
        }
        let start = index
        let contentEnd = ByteClass.endOfUnquotedContent(bytes, from: index)
        let end = ByteClass.trimTrailingBlanks(bytes, start: start, end: contentEnd)
        emit(.definitionContinuation, start, max(end, start))
        index = max(end, start)
        if contentEnd > end { emit(.whitespace, end, contentEnd); index = contentEnd }
        inDefinitionContinuation = end > start && bytes[end - 1] == UInt8(ascii: "\\")
        atLogicalLineStart = false
    }
}

