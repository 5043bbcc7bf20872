/// The tokeniser keepalived 2.2.7 uses for script command lines (`alloc_strvec_quoted_escaped` in
/// lib/parser.c): words split at blanks, `"` and `'` quote (also inside a word), and backslash
/// escapes as in a shell `$'...'` string: `\a \b \E \f \n \r \t \v`, `\ooo`, `\xHH`, `\cC`, `\C`.
public enum ScriptTokenizer {
    public enum Failure: Error, Sendable, Hashable {
        case unterminatedQuote(Character)
        case trailingBackslash
    }

    public static func split(_ text: String) -> Result<[String], Failure> {
        let bytes = Array(text.utf8)
        var words: [String] = []
        var index = 0
        var quote: UInt8 = 0
        func isBlank(_ byte: UInt8) -> Bool { NumberReader.isWhitespace(byte) }
        while index < bytes.count {
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            if index == bytes.count { break }
            var word: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { return .failure(.trailingBackslash) }
                    index = unescape(bytes, at: index, into: &word)
                    continue
                }
                if quote != 0 {
                    if byte == quote { quote = 0 } else { word.append(byte) }
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                    index += 1
                    continue
                }
                if isBlank(byte) { break }
                word.append(byte)
                index += 1
            }
            if quote != 0 { return .failure(.unterminatedQuote(Character(Unicode.Scalar(quote)))) }
            words.append(String(decoding: word, as: UTF8.self))
        }
        return .success(words)
    }

    /// Decodes the escape whose first character (after `\`) is at `index`; returns the next index.
    private static func unescape(_ bytes: [UInt8], at start: Int, into word: inout [UInt8]) -> Int {
        var index = start
        let first = bytes[index]
        if first == UInt8(ascii: "x"), index + 1 < bytes.count, IPAddress.hexValue(bytes[index + 1]) != nil {
            var value: UInt8 = 0
            index += 1
            // keepalived keeps shifting while hex digits follow; the char keeps the low 8 bits.
            while index < bytes.count, let digit = IPAddress.hexValue(bytes[index]) {
                value = value << 4 | digit
                index += 1
            }
            word.append(value)
            return index
        }
        if first == UInt8(ascii: "c"), index + 1 < bytes.count {
            word.append(bytes[index + 1] & 0x1F)
            return index + 2
        }
        if first >= 0x30, first <= 0x37 {
            var value = first - 0x30
            index += 1
            for _ in 0..<2 where index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x37 {
                value = value &<< 3 &+ (bytes[index] - 0x30)
                index += 1
            }
            word.append(value)
            return index
        }
        let mapped: UInt8
        switch first {
        case UInt8(ascii: "a"): mapped = 0x07
        case UInt8(ascii: "b"): mapped = 0x08
        case UInt8(ascii: "E"): mapped = 0x1B
        case UInt8(ascii: "f"): mapped = 0x0C
        case UInt8(ascii: "n"): mapped = 0x0A
        case UInt8(ascii: "r"): mapped = 0x0D
        case UInt8(ascii: "t"): mapped = 0x09
        case UInt8(ascii: "v"): mapped = 0x0B
        default: mapped = first
        }
        word.append(mapped)
        return index + 1
    }
}

/// A script command as keepalived runs it: the argv and the optional user and group.
public struct ScriptCommand: Sendable, Hashable, Encodable {
    public var argv: [String]
    public var user: String?
    public var group: String?

    public init(argv: [String], user: String? = nil, group: String? = nil) {
        self.argv = argv
        self.user = user
        self.group = group
    }

    /// Splits a script keyword line (`notify "/bin/x a" root`) as 2.2.7 does: the line into
    /// `keyword command [user [group]]`, then the command into argv.
    public static func parse(line text: String) -> Result<ScriptCommand?, ScriptTokenizer.Failure> {
        switch ScriptTokenizer.split(text) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let words):
            guard words.count >= 2 else { return .success(nil) }
            switch ScriptTokenizer.split(words[1]) {
            case .failure(let failure):
                return .failure(failure)
            case .success(let argv):
                guard !argv.isEmpty else { return .success(nil) }
                return .success(ScriptCommand(
                    argv: argv, user: words.count > 2 ? words[2] : nil, group: words.count > 3 ? words[3] : nil))
            }
        }
    }
}
