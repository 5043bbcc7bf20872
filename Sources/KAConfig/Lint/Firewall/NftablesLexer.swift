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
/// become a plain `;` and nothing.
enum NftablesLexer {
    static func tokens(_ text: String) -> [NftToken] {
        var tokens: [NftToken] = []
        var line = 1
        var word = ""
        var wordLine = 1
        var characters = Array(text.unicodeScalars)[...]
        func flush() {
            if !word.isEmpty { tokens.append(NftToken(kind: .word, text: word, line: wordLine)) }
            word = ""
        }
        func punctuation(_ kind: NftToken.Kind, _ text: String) {
            flush()
            tokens.append(NftToken(kind: kind, text: text, line: line))
        }
        while let scalar = characters.popFirst() {
            switch scalar {
            case "\n":
                punctuation(.newline, "\n")
                line += 1
            case " ", "\t", "\r", "'":
                flush()
            case "{": punctuation(.openBrace, "{")
            case "}": punctuation(.closeBrace, "}")
            case ";": punctuation(.semicolon, ";")
            case ",": punctuation(.comma, ",")
            case "\\":
                if characters.first == "\n" {
                    characters = characters.dropFirst()
                    flush()
                    line += 1
                } else if characters.first == ";" {
                    characters = characters.dropFirst()
                    punctuation(.semicolon, ";")
                }
            case "#" where word.isEmpty:
                while let next = characters.first, next != "\n" { characters = characters.dropFirst() }
            case "\"":
                flush()
                var string = ""
                let start = line
                while let next = characters.popFirst(), next != "\"" {
                    if next == "\n" { line += 1 }
                    string.unicodeScalars.append(next)
                }
                tokens.append(NftToken(kind: .string, text: string, line: start))
            default:
                if word.isEmpty { wordLine = line }
                word.unicodeScalars.append(scalar)
            }
        }
        flush()
        return tokens
    }
}
