import KAConfig

/// One token of an nftables ruleset (`nft list ruleset` output or an `nft -f` script).
struct NftToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word
        /// A double-quoted string; `text` holds it without quotes.
        case string
        case openBrace, closeBrace, semicolon, comma, newline
    }

    var kind: Kind
    var text: String
    var line: Int

    var isEnd: Bool { kind == .newline || kind == .semicolon }

    /// The token as it would be written back, for rule texts in messages.
    var spelled: String { kind == .string ? "\"\(text)\"" : text }

    func isWord(_ value: String) -> Bool { kind == .word && text == value }
}

/// Splits nftables text into tokens. `#` starts a comment; a backslash before a newline joins lines;
/// `\;` and single quotes (left over from shell commands such as `nft 'add chain ... { ...; }'`)
/// become a plain `;` and nothing. Scans UTF-8 bytes; words are cut out as byte ranges.
enum NftablesLexer {
    static func tokens(_ text: String) -> [NftToken] {
        let bytes = Array(text.utf8)
        var tokens: [NftToken] = []
        var line = 1
        var wordStart: Int?
        var index = 0
        func flush(_ end: Int) {
            if let start = wordStart {
                tokens.append(NftToken(kind: .word, text: String(decoding: bytes[start..<end], as: UTF8.self), line: line))
            }
            wordStart = nil
        }
        func punctuation(_ kind: NftToken.Kind, _ text: String) {
            flush(index)
            tokens.append(NftToken(kind: kind, text: text, line: line))
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch byte {
            case UInt8(ascii: "\n"):
                punctuation(.newline, "\n")
                line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "'"):
                flush(index)
            case UInt8(ascii: "{"): punctuation(.openBrace, "{")
            case UInt8(ascii: "}"): punctuation(.closeBrace, "}")
            case UInt8(ascii: ";"): punctuation(.semicolon, ";")
            case UInt8(ascii: ","): punctuation(.comma, ",")
            case UInt8(ascii: "\\") where next == UInt8(ascii: "\n"):
                flush(index)
                line += 1
                index += 1
            case UInt8(ascii: "\\") where next == UInt8(ascii: ";"):
                punctuation(.semicolon, ";")
                index += 1
            case UInt8(ascii: "\\"):
                flush(index)
            case UInt8(ascii: "#") where wordStart == nil:
                while index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\""):
                flush(index)
                let start = index + 1
                let startLine = line
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
                let string = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                tokens.append(NftToken(kind: .string, text: string, line: startLine))
            default:
                if wordStart == nil { wordStart = index }
            }
            index += 1
        }
        flush(bytes.count)
        return tokens
    }
}
